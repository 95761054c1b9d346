package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rundschau.config.AppConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.SourceStatus;
import org.rundschau.serve.HealthJson;
import org.rundschau.store.Database;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the health of every configured source.",
                "Per source: last success, failures, last error, next attempt.",
                "Exit 0 when every source is healthy, 1 when some are failing. Safe to run beside `run`."})
final class StatusCommand implements Callable<Integer> {
    /** How the command line shows a moment to an admin: in the config's zone, and saying which. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;
    @Option(names = "--json", description = "Print JSON (one object per source) instead of a table.")
    boolean json;

    /** One configured source with its stored health. */
    record Row(SourceConfig source, SourceStatus status) {
        String state() {
            if (status.lastAttempt() == null) return "new";
            return status.healthy() ? "ok" : "FAILING";
        }
    }

    @Override
    public Integer call() {
        common.applyLogging(Level.WARN);
        PrintWriter err = spec.commandLine().getErr();
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        List<Row> rows;
        try {
            rows = rows(config);
        } catch (StoreException e) {
            err.println(e.getMessage());
            common.trace(e, err);
            return ExitCode.INTERNAL;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) printJson(out, rows);
        else printTable(out, rows, config.timezone());
        return rows.stream().anyMatch(r -> !r.status().healthy()) ? ExitCode.SOURCES_FAILED : ExitCode.OK;
    }

    private static List<Row> rows(AppConfig config) throws StoreException {
        if (App.notCreatedYet(config.database())) {
            // Nothing has run yet: every source is new, and looking must not create the store.
            return config.sources().stream().map(s -> new Row(s, SourceStatus.never(s.id()))).toList();
        }
        try (Database db = Database.open(config.database())) {
            SourceStatusStore statuses = new SourceStatusStore(db);
            List<Row> rows = new java.util.ArrayList<>();
            for (SourceConfig source : config.sources()) rows.add(new Row(source, statuses.load(source.id())));
            return rows;
        }
    }

    private static void printTable(PrintWriter out, List<Row> rows, ZoneId zone) {
        int idWidth = Math.max(6, rows.stream().mapToInt(r -> r.source().id().length()).max().orElse(6));
        String format = "%-" + idWidth + "s  %-7s  %-20s  %8s  %4s  %5s  %-20s  %s";
        out.println(String.format(format, "SOURCE", "STATE", "LAST SUCCESS", "FAILURES", "HTTP", "ITEMS", "NEXT ATTEMPT",
                "LAST ERROR"));
        for (Row row : rows) {
            SourceStatus s = row.status();
            // A healthy source has no error: no blanks after its last column.
            out.println(String.format(format, row.source().id(), row.state(), time(s.lastSuccess(), zone, "never"),
                    s.consecutiveFailures(), s.lastHttpStatus() == 0 ? "-" : Integer.toString(s.lastHttpStatus()),
                    s.itemsLastSuccess(), time(s.nextAttempt(), zone, "on schedule"), s.lastError()).stripTrailing());
        }
    }

    private static String time(Instant instant, ZoneId zone, String none) {
        return instant == null ? none : local(instant, zone);
    }

    /** {@code 2026-12-06 02:23 CET}: a moment in {@code zone}, to the minute. */
    static String local(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    private static void printJson(PrintWriter out, List<Row> rows) {
        out.println("[");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            SourceStatus s = row.status();
            out.printf("  {\"id\": %s, \"name\": %s, \"url\": %s, \"state\": %s, \"lastAttempt\": %s, "
                            + "\"lastSuccess\": %s, \"consecutiveFailures\": %d, \"lastError\": %s, "
                            + "\"lastHttpStatus\": %d, \"itemsLastSuccess\": %d, \"nextAttempt\": %s}%s%n",
                    HealthJson.string(row.source().id()), HealthJson.string(row.source().name()),
                    HealthJson.string(row.source().url().toString()), HealthJson.string(row.state().toLowerCase(java.util.Locale.ROOT)),
                    HealthJson.time(s.lastAttempt()), HealthJson.time(s.lastSuccess()), s.consecutiveFailures(),
                    HealthJson.string(s.lastError()), s.lastHttpStatus(), s.itemsLastSuccess(), HealthJson.time(s.nextAttempt()),
                    i + 1 < rows.size() ? "," : "");
        }
        out.println("]");
    }
}
