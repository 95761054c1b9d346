package org.rundschau.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rundschau.config.SelectorRules;
import org.rundschau.extract.ExtractException;
import org.rundschau.extract.HtmlExtractor;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;

/**
 * HTML extraction of one ~60 KB synthetic listing page per markup: decode, parse, select 20 items,
 * beside a bare {@code Jsoup.parse} of the same bytes (the floor any Jsoup-based scraper pays).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@State(Scope.Benchmark)
public class HtmlExtractionBenchmark {
    @Param({"HTML_ARTICLE", "HTML_LIST", "HTML_TEASER", "HTML_TABLE"})
    public String markup;

    private final HtmlExtractor extractor = new HtmlExtractor();
    private Path folder;
    private Page page;
    private SelectorRules rules;
    private String headerCharset;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        folder = Files.createTempDirectory("rundschau-jmh-html");
        SyntheticSite.Kind kind = SyntheticSite.Kind.valueOf(markup);
        SyntheticSite site = SyntheticCorpus.mixed(folder, 12).stream().filter(s -> s.kind() == kind).findFirst()
                .orElseThrow();
        URI url = URI.create("http://127.0.0.1:8080" + site.urlPath());
        page = Page.of(url, site.contentType(), Files.readAllBytes(site.file()), Instant.parse("2025-07-01T08:00:00Z"));
        rules = SyntheticCorpus.selectors(kind).orElseThrow();
        headerCharset = site.headerCharset().orElse(null);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(folder);
    }

    @Benchmark
    public Extraction extract() throws ExtractException {
        return extractor.extract(page, rules);
    }

    @Benchmark
    public Document bareJsoupParse() throws IOException {
        return Jsoup.parse(new ByteArrayInputStream(page.body()), headerCharset, page.url().toString());
    }
}
