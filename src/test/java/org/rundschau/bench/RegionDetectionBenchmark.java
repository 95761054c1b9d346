package org.rundschau.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rundschau.normalize.RegionMapper;

/**
 * Region detection with the bundled gazetteer: a title prefix ({@code Sachsen: ...}, a topic that
 * is not a region, no prefix at all) and a region selector's text. One operation reads every
 * title of {@link #TITLES} once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@State(Scope.Benchmark)
public class RegionDetectionBenchmark {
    static final List<String> TITLES = List.of(
            "Sachsen: Neue CIO für den Freistaat",
            "Digitalisierung: Blick in die Glaskugel",
            "Landkreis Hof: Kreistag beschließt digitale Bauanträge",
            "NRW: Corona-Tests an Schulen werden ausgeweitet",
            "OZG: Bund und Länder einigen sich auf Nachnutzung",
            "Köln – Stadtwerke starten Bürgerportal",
            "Stadt Münster | Rechenzentrum modernisiert die Cloud-Strategie",
            "Vitako: Kommunale IT-Dienstleister fordern mehr Geld",
            "Bürgeramt öffnet samstags für Online-Termine",
            "Freistaat Thüringen: Landesregierung vergibt Förderbescheide über 2,5 Mio. €",
            "Interview: Was die E-Akte wirklich kostet",
            "Baden-Württemberg: Schulträger testen WLAN an Schulen");
    static final List<String> SELECTED = List.of("Sachsen", "Nordrhein-Westfalen", "Lkr. Hof", "Hansestadt Hamburg",
            "Ressort Digitales");

    private final RegionMapper regions = RegionMapper.bundled(Map.of());

    @Benchmark
    public void titlePrefix(Blackhole sink) {
        for (String title : TITLES) sink.consume(regions.fromTitle(title));
    }

    @Benchmark
    public void selectedText(Blackhole sink) {
        for (String name : SELECTED) sink.consume(regions.canonical(name));
    }
}
