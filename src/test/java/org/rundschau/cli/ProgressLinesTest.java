package org.rundschau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.refresh.Republisher;
import org.rundschau.store.StoreResult;

/** {@code once}'s output: a line per source as it finishes, then the summary table. */
class ProgressLinesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final StringWriter text = new StringWriter();

    private static SourceConfig source(String id) {
        return new SourceConfig(id, id, URI.create("https://" + id + ".example.org/"), SourceKind.FEED, "",
                BERLIN, Locale.GERMAN, Schedule.parse("every 30m"), null);
    }

    private static RefreshOutcome ok(String id, StoreResult stored, boolean unchanged) {
        SourceStatus status = SourceStatus.never(id).succeeded(NOW, 200, stored.added() + stored.updated() + stored.unchanged(),
                Validators.NONE, "", "r");
        return new RefreshOutcome(id, status, stored, unchanged, false, Duration.ofMillis(400));
    }

    private static RefreshOutcome failed(String id) {
        SourceStatus status = SourceStatus.never(id).failed(NOW, 404, "HTTP 404 Not Found", NOW.plusSeconds(600));
        return new RefreshOutcome(id, status, StoreResult.NOTHING, false, false, Duration.ofMillis(1200));
    }

    @Test
    void eachSourceGetsALineAndTheSummaryTableCountsSourcesItemsTimeAndTheFeed() {
        ProgressLines progress = new ProgressLines(new PrintWriter(text), List.of(source("kommune21"), source("gone"),
                source("bsi")), false, BERLIN);
        List<RefreshOutcome> outcomes = List.of(ok("kommune21", new StoreResult(3, 1, 12), false), failed("gone"),
                ok("bsi", StoreResult.NOTHING, true));

        outcomes.forEach(progress::finished);
        progress.summary(outcomes, new Republisher.Published(Path.of("public/feed.atom"), 42, true, java.util.Set.of("feed.atom")), Duration.ofMillis(4200));

        assertThat(text.toString()).isEqualTo("""
                ok    kommune21  16 items: 3 new, 1 updated  (0.4 s)
                FAIL  gone       HTTP 404 Not Found  (1.2 s)
                ok    bsi        unchanged since last fetch  (0.4 s)

                Summary
                  sources  2 ok (1 unchanged since the last fetch), 1 failed: gone
                  items    3 new, 1 updated, 12 unchanged
                  took     4.2 s
                  feed     public/feed.atom (42 entries, written)
                  next     `rundschau check ID` shows why a source fails and what to try
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void onATerminalABarUnderTheLinesCountsFinishedSources() {
        ProgressLines progress = new ProgressLines(new PrintWriter(text), List.of(source("a"), source("b")), true, BERLIN);

        progress.finished(ok("a", StoreResult.NOTHING, true));

        assertThat(text.toString()).startsWith("\r\033[K").endsWith("[" + "#".repeat(15) + " ".repeat(15) + "] 1/2 sources");
    }

    @Test
    void aSourceBackingOffSaysUntilWhenInTheConfigsZone() {
        ProgressLines progress = new ProgressLines(new PrintWriter(text), List.of(source("gone")), false, BERLIN);
        SourceStatus status = SourceStatus.never("gone").failed(NOW, 404, "HTTP 404 Not Found", NOW.plusSeconds(600))
                .failed(NOW.plusSeconds(600), 404, "HTTP 404 Not Found", Instant.parse("2026-07-01T08:30:00Z"));

        progress.finished(new RefreshOutcome("gone", status, StoreResult.NOTHING, false, true, Duration.ZERO));
        progress.finished(new RefreshOutcome("gone", failed("gone").status(), StoreResult.NOTHING, false, true, Duration.ZERO));

        assertThat(text.toString()).contains("not fetched: backing off after 2 failures until 2026-07-01 10:30 CEST"
                + " (last error: HTTP 404 Not Found)").contains("backing off after 1 failure until 2026-01-01 11:10 CET");
    }
}
