package org.rundschau.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rundschau.normalize.DateParser;
import org.rundschau.normalize.ParsedDate;

/**
 * Date parsing on the corpus strings ({@code normalize/dates.tsv}: real strings from real pages
 * and feeds, dates and non-dates) and on the strings the synthetic pages carry, each in the locale
 * its row names, zone Europe/Berlin. One operation parses every string once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@State(Scope.Benchmark)
public class DateParsingBenchmark {
    static final Instant REFERENCE = Instant.parse("2025-07-01T08:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<String> SYNTHETIC = List.of("07.02.2025", "7.2.25", "2025-02-07T14:30:00+01:00",
            "Fr, 7. Februar 2025, 14:30 Uhr", "Fri, 07 Feb 2025 14:30:00 +0100",
            "[07.02.2025] Stadtverwaltung startet Online-Anträge");

    private final List<DateParser> corpusParsers = new ArrayList<>();
    private final List<String> corpusStrings = new ArrayList<>();
    private final DateParser german = new DateParser(BERLIN, Locale.GERMAN);

    @Setup
    public void read() throws IOException {
        try (InputStream in = DateParsingBenchmark.class.getResourceAsStream("/normalize/dates.tsv")) {
            if (in == null) throw new IOException("normalize/dates.tsv is not on the test classpath");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            for (String line : lines) {
                String[] cells = line.split("\t", -1);
                corpusStrings.add(cells[0]);
                Locale locale = cells[1].isBlank() ? Locale.GERMAN : Locale.forLanguageTag(cells[1]);
                corpusParsers.add(new DateParser(BERLIN, locale));
            }
        }
    }

    /** Every corpus string once ({@code normalize/dates.tsv}, 64 rows). */
    @Benchmark
    public void corpus(Blackhole sink) {
        for (int i = 0; i < corpusStrings.size(); i++) {
            Optional<ParsedDate> date = corpusParsers.get(i).parse(corpusStrings.get(i), REFERENCE);
            sink.consume(date);
        }
    }

    /** The six formats of the synthetic benchmark sites once each. */
    @Benchmark
    public void synthetic(Blackhole sink) {
        for (String text : SYNTHETIC) sink.consume(german.parse(text, REFERENCE));
    }
}
