package org.rundschau.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.rundschau.config.SourceConfig;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.refresh.Republisher;
import org.rundschau.store.StoreResult;

/**
 * What {@code once} prints: one line per source as it finishes (readable by a person and by grep),
 * with a live progress bar under them on a terminal, then a summary table.
 */
final class ProgressLines {
    static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final int idWidth;
    private final int total;
    private final boolean live;
    private final ZoneId zone;
    private int finished;

    /**
     * @param live whether to redraw a progress bar (only on a terminal: it writes carriage returns)
     * @param zone where the admin is (the config's time zone): moments are shown in it, as {@code status} does
     */
    ProgressLines(PrintWriter out, List<SourceConfig> sources, boolean live, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        this.idWidth = sources.stream().mapToInt(s -> s.id().length()).max().orElse(10);
        this.total = sources.size();
        this.live = live;
    }

    /** Whether standard output is an interactive terminal (Java 17: a console exists only then). */
    static boolean onTerminal() {
        return System.console() != null;
    }

    /** Called from the refresh threads as each source finishes. */
    synchronized void finished(RefreshOutcome o) {
        finished++;
        if (live) out.print("\r\033[K");
        out.printf("%-4s  %-" + idWidth + "s  %s  (%s)%n", o.failed() ? "FAIL" : "ok", o.sourceId(), detail(o),
                seconds(o.took()));
        if (live) out.print(bar());
        out.flush();
    }

    private String detail(RefreshOutcome o) {
        if (o.skipped()) {
            return "not fetched: backing off after " + PreviewReport.count(o.status().consecutiveFailures(), "failure") + " until "
                    + StatusCommand.local(o.status().nextAttempt(), zone) + " (last error: " + o.status().lastError() + ")";
        }
        if (o.failed()) return o.status().lastError();
        if (o.unchanged()) return "unchanged since last fetch";
        StoreResult s = o.stored();
        return String.format("%d items: %d new, %d updated", o.status().itemsLastSuccess(), s.added(), s.updated())
                + (s.merged() == 0 ? "" : String.format("; %d already told by another source", s.merged()))
                + (s.heldBack() == 0 ? "" : String.format("; %d held back (first fetch)", s.heldBack()));
    }

    private String bar() {
        int filled = total == 0 ? BAR_WIDTH : BAR_WIDTH * finished / total;
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + finished + "/" + total + " sources";
    }

    /** The summary table: sources, items, time, and where the feed went. */
    void summary(List<RefreshOutcome> outcomes, Republisher.Published published, Duration took) {
        if (live) out.print("\r\033[K");
        List<RefreshOutcome> failed = outcomes.stream().filter(RefreshOutcome::failed).toList();
        long unchanged = outcomes.stream().filter(o -> !o.failed() && o.unchanged()).count();
        long skipped = failed.stream().filter(RefreshOutcome::skipped).count();
        StoreResult total = outcomes.stream().map(RefreshOutcome::stored).reduce(StoreResult.NOTHING, StoreResult::plus);
        out.printf("%nSummary%n");
        row("sources", (outcomes.size() - failed.size()) + " ok" + (unchanged > 0 ? " (" + unchanged + " unchanged since the last fetch)" : "")
                + ", " + failed.size() + " failed" + (failed.isEmpty() ? "" : ": " + ids(failed))
                + (skipped > 0 ? " (" + skipped + " of them backing off, not fetched)" : ""));
        row("items", total.added() + " new, " + total.updated() + " updated, " + total.unchanged() + " unchanged");
        row("took", seconds(took));
        row("feed", published.combinedFeed() + " (" + PreviewReport.count(published.entries(), "entry") + ", "
                + (published.changed() ? "written" : "unchanged, not rewritten") + ")");
        if (failed.size() > skipped) {
            row("next", "`rundschau check ID` shows why a source fails and what to try");
        }
        out.flush();
    }

    private void row(String key, String value) {
        out.printf("  %-8s %s%n", key, value);
    }

    private static String ids(List<RefreshOutcome> outcomes) {
        return outcomes.stream().map(RefreshOutcome::sourceId).collect(Collectors.joining(", "));
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
