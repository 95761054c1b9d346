package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rundschau.config.AppConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Item;
import org.rundschau.refresh.SourcePreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Fetch, extract and normalise one source and print what would be published. Stores nothing.")
final class CheckCommand implements Callable<Integer> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "SOURCE_ID", description = "The id of a source in the configuration.")
    String sourceId;

    @Override
    public Integer call() {
        common.applyLogging(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        AppConfig config = loaded.get();
        Optional<SourceConfig> source = config.source(sourceId);
        if (source.isEmpty()) {
            err.printf("no source '%s' in %s; known sources: %s%n", sourceId, common.config,
                    String.join(", ", config.sources().stream().map(SourceConfig::id).toList()));
            return ExitCode.USAGE;
        }
        SourcePreview.Result result = App.Stages.of(config, Clock.systemUTC()).preview().preview(source.get());
        if (result.failed()) {
            err.printf("%s: %s%n", sourceId, result.error());
            return ExitCode.SOURCES_FAILED;
        }
        print(out, result, source.get());
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, SourcePreview.Result result, SourceConfig source) {
        out.printf("%-16s  %-22s  %-60s  %s%n", "DATE", "REGION", "TITLE", "LINK");
        for (Item item : result.items()) {
            String date = DATE.format(item.published().atZone(source.timezone())) + (item.dated() ? "" : "*");
            out.printf("%-16s  %-22s  %-60s  %s%n", date, cut(item.region(), 22), cut(item.title(), 60), item.link());
        }
        long dated = result.items().stream().filter(Item::dated).count();
        long regions = result.items().stream().filter(Item::hasRegion).count();
        out.printf("%n%d items extracted from %s, %d kept; %d with a date (* = no date: first-seen time), %d with a region.%n",
                result.extracted(), result.page().url(), result.items().size(), dated, regions);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
