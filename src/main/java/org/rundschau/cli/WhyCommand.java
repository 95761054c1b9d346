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
import java.util.stream.Stream;
import org.rundschau.config.AppConfig;
import org.rundschau.normalize.LinkCleaner;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.Provenance;
import org.rundschau.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "why", mixinStandardHelpOptions = true,
        description = {"Show where an entry came from, and why. Reads the database only.",
                "Prints its items' keys and links, the sources that told the same story, and each decision with its "
                        + "score.",
                "Exit 0 when something is stored under the id or link, 1 when nothing is."})
final class WhyCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "ENTRY_ID_OR_LINK", description = "An entry id from the feed, or a link an item has or had.")
    String query;

    private ZoneId zone;
    private double threshold;

    @Override
    public Integer call() {
        common.applyLogging(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<AppConfig> loaded = ConfigFile.load(common, err);
        if (loaded.isEmpty()) return ExitCode.USAGE;
        zone = loaded.get().timezone();
        threshold = loaded.get().dedup().threshold();
        AppConfig config = loaded.get();
        if (App.notCreatedYet(config.database())) {
            err.printf("nothing is stored yet: %s does not exist (`rundschau once` creates it)%n",
                    config.database().describe());
            return ExitCode.SOURCES_FAILED;
        }
        // Reads only, like status: no writer lock, so it works while run is running.
        try (Database db = Database.open(config.database())) {
            ItemStore items = new ItemStore(db, App.entryIdBase(config.feed().id()), config.dedup(), config.retention());
            // The link as published: with its fragment where that told items apart, else without.
            List<String> links = Stream.of(query, LinkCleaner.canonical(query, true),
                    LinkCleaner.canonical(query)).distinct().toList();
            List<Provenance> found = List.of();
            List<Provenance.Tombstone> pruned = List.of();
            for (String link : links) {
                if (found.isEmpty()) found = items.provenance(link);
                if (pruned.isEmpty()) pruned = items.tombstones(link);
            }
            found.forEach(p -> print(out, p));
            pruned.forEach(t -> out.printf("Pruned %s: %s item %s, entry %s (it will not be stored again)%n",
                    time(t.pruned()), t.sourceId(), shortKey(t.key()), t.entryId()));
            if (found.isEmpty() && pruned.isEmpty()) {
                err.printf("nothing is stored under '%s'%n", query);
                return ExitCode.SOURCES_FAILED;
            }
            return ExitCode.OK;
        } catch (StoreException e) {
            err.println(e.getMessage());
            common.trace(e, err);
            return ExitCode.INTERNAL;
        }
    }

    private void print(PrintWriter out, Provenance p) {
        Provenance.StoredItem entry = p.entry();
        out.printf("Entry %s (%s)%n", entry.entryId(), entry.heldBack()
                ? "not in the feed: held back on its source's first fetch" : "in the feed");
        item(out, entry, "from");
        for (Provenance.StoredItem origin : p.origins()) item(out, origin, "also told by");
        out.println();
    }

    private void item(PrintWriter out, Provenance.StoredItem item, String role) {
        out.printf("  %s %s  key %s  first seen %s  published %s%s%n", role, item.sourceId(), shortKey(item.key()),
                time(item.firstSeen()), time(item.published()), item.dated() ? "" : " (undated: first seen)");
        out.printf("    title   %s%n    link    %s%n", item.title(), item.link().isEmpty() ? "(none)" : item.link());
        if (!item.updated().equals(item.published())) out.printf("    updated %s%n", time(item.updated()));
        for (Provenance.Alias alias : item.aliases()) {
            out.printf("    %s %s from %s (same headline and date; new key %s)%n", alias.reason(), time(alias.created()),
                    alias.formerLink(), shortKey(alias.key()));
        }
        if (item.isDuplicate()) {
            out.printf("    joined  %s by %s%n", item.mergedInto(), decision(item));
        } else if (!item.matchEntry().isEmpty()) {
            out.printf("    closest %s by %s, below the threshold %.2f: kept apart%n", item.matchEntry(), decision(item),
                    threshold);
        }
    }

    private static String decision(Provenance.StoredItem item) {
        return item.matchRule().equals("link") ? "the same canonical link"
                : String.format(Locale.ROOT, "similar headline and teaser, score %.2f", item.matchScore());
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    private static String shortKey(String key) {
        return key.length() > 12 ? key.substring(0, 12) + "…" : key;
    }
}
