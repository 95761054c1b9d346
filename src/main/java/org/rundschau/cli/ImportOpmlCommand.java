package org.rundschau.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rundschau.config.AppConfig;
import org.rundschau.config.ConfigException;
import org.rundschau.config.ConfigLoader;
import org.rundschau.config.OpmlFile;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceIds;
import org.rundschau.config.SourceYaml;
import org.rundschau.config.SourcesBlock;
import org.rundschau.model.FileErrors;
import org.rundschau.normalize.LinkCleaner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-opml", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add the feeds of an OPML file (a feed reader's export) to the config as sources.",
                "Ids are made from their titles; feeds already configured (same URL) are skipped. The new sources "
                        + "are appended to the `sources:` list; every other line of the config, comments included, "
                        + "stays as it is. The result is validated before it is written, and written in one step: on "
                        + "any problem the file is untouched.",
                "Exit 0 when done (also when there was nothing new), 2 when the OPML or the config is unusable."})
final class ImportOpmlCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The OPML file.")
    Path opml;
    @Option(names = "--dry-run", description = "Print what would be appended and change nothing.")
    boolean dryRun;

    /** One feed of the OPML, and what becomes of it. */
    private record Planned(OpmlFile.Feed feed, String id, String skipReason) {
        boolean added() {
            return skipReason.isEmpty();
        }
    }

    @Override
    public Integer call() {
        common.applyLogging(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        OpmlFile.Contents contents;
        try {
            contents = OpmlFile.read(opml);
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return ExitCode.USAGE;
        }
        contents.skipped().forEach(s -> out.println("skipped " + s));
        List<Planned> plan = plan(contents.feeds(), loaded.get().sources());
        plan.stream().filter(p -> !p.added()).forEach(p -> out.printf("skipped '%s' (%s): %s%n", p.feed().title(),
                p.feed().url(), p.skipReason()));
        List<Planned> added = plan.stream().filter(Planned::added).toList();
        if (added.isEmpty()) {
            out.printf("Nothing to add: %s has no feed that is not configured already. %s is unchanged.%n", opml,
                    common.config);
            return ExitCode.OK;
        }
        return write(added, out, err);
    }

    /** Ids from titles (else hosts), unique among the configured and the new ones; known URLs skipped. */
    private static List<Planned> plan(List<OpmlFile.Feed> feeds, List<SourceConfig> sources) {
        Map<String, String> configured = new HashMap<>();
        sources.forEach(s -> configured.put(LinkCleaner.canonical(s.url().toString()), s.id()));
        Set<String> taken = new HashSet<>(sources.stream().map(SourceConfig::id).toList());
        Set<String> imported = new HashSet<>();
        List<Planned> plan = new ArrayList<>();
        for (OpmlFile.Feed feed : feeds) {
            String canonical = LinkCleaner.canonical(feed.url().toString());
            if (configured.containsKey(canonical)) {
                plan.add(new Planned(feed, "", "already configured as source '" + configured.get(canonical) + "'"));
            } else if (!imported.add(canonical)) {
                plan.add(new Planned(feed, "", "listed twice in the OPML file"));
            } else {
                String base = SourceIds.slug(feed.title());
                String id = SourceIds.unique(base.isEmpty() ? SourceIds.fromHost(feed.url()) : base, taken);
                taken.add(id);
                plan.add(new Planned(feed, id, ""));
            }
        }
        return plan;
    }

    private int write(List<Planned> added, PrintWriter out, PrintWriter err) {
        Path file = common.config;
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + FileErrors.reason(e, file));
            return ExitCode.USAGE;
        }
        SourcesBlock block = SourcesBlock.of(text);
        List<String> entries = added.stream()
                .map(p -> SourceYaml.feed(block.indent(), p.id(), p.feed().title(), p.feed().url())).toList();
        String updated;
        try {
            updated = block.append(entries, "imported from " + opml.getFileName() + " on " + LocalDate.now());
            ConfigLoader.parse(file, updated);
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage() + "; nothing was written.");
            return ExitCode.USAGE;
        } catch (ConfigException e) {
            err.println("The config would not be valid with the imported sources, so nothing was written:");
            e.problems().forEach(err::println);
            return ExitCode.USAGE;
        }
        if (dryRun) {
            out.printf("Would append to %s (--dry-run: nothing written):%n%n%s%n", file, String.join("\n", entries));
            return ExitCode.OK;
        }
        try {
            replace(file, updated);
        } catch (IOException e) {
            err.println(file + ": could not write: " + FileErrors.reason(e, file) + "; the file is unchanged.");
            return ExitCode.INTERNAL;
        }
        added.forEach(p -> out.printf("added %-24s %s%n", p.id(), p.feed().url()));
        out.printf("Added %s to %s. Try one with `rundschau check ID`; `rundschau validate` checks the whole file.%n",
                PreviewReport.count(added.size(), "source"), file);
        return ExitCode.OK;
    }

    /** Writes next to the file and renames over it, so the config is never half written. */
    private static void replace(Path file, String text) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".import-opml.tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
