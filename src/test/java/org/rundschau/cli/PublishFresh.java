package org.rundschau.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rundschau.bench.Cpu;
import org.rundschau.bench.StoreReplay;
import org.rundschau.config.AppConfig;
import org.rundschau.model.Item;
import org.rundschau.refresh.Republisher;

/**
 * What a cron {@code once} spends publishing when its JVM is fresh: the first run stores the
 * cycle benchmark's N sources into {@code DIR} (kept) and publishes; every later run opens that
 * store in a new JVM and publishes once, as {@code once} does after a cycle, and prints the
 * process CPU of that publication (JIT and GC included) and the feeds it rendered. With
 * {@code --news}, one source gains one new item first; with {@code --no-memo}, the publication does
 * not use (nor keep) the memo of the last one, as before schema version 9. Run it several times in
 * a row:
 *
 * <pre>java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp … org.rundschau.cli.PublishFresh DIR [N] [--news] [--no-memo]</pre>
 */
public final class PublishFresh {
    private PublishFresh() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int count = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 1000;
        boolean news = List.of(args).contains("--news");
        boolean memo = !List.of(args).contains("--no-memo");
        Path ids = dir.resolve("sources.txt");
        if (!Files.exists(ids)) {
            List<List<Item>> fetches = StoreReplay.fetches(dir.resolve("site"), count);
            Files.write(ids, fetches.stream().map(fetch -> fetch.get(0).sourceId()).toList(), StandardCharsets.UTF_8);
            try (App app = App.open(PublishTrickle.config(dir, Files.readAllLines(ids)), Clock.systemUTC(), Duration.ZERO)) {
                Instant seen = Instant.now();
                for (List<Item> fetch : fetches) app.items().save(fetch.get(0).sourceId(), fetch, seen);
            }
        }
        AppConfig config = PublishTrickle.config(dir, Files.readAllLines(ids));
        try (App app = App.open(config, Clock.systemUTC(), Duration.ZERO)) {
            if (news) {
                String source = config.sources().get((int) (System.nanoTime() % config.sources().size())).id();
                Instant now = Instant.now();
                app.items().save(source, List.of(new Item(source, "news-" + now.toEpochMilli(), "", now, true, "",
                        "Neu: Meldung " + now.toEpochMilli(), "Eine neue Meldung.", false,
                        "https://" + source + ".example.org/neu-" + now.toEpochMilli())), now);
            }
            long t0 = Cpu.process();
            Republisher.Published published = App.republisher(config, app.database(), app.items(), app.statuses(),
                    memo ? Optional.of("bench") : Optional.empty()).publish(config);
            long took = Cpu.process() - t0;
            System.out.printf(Locale.ROOT, "publication in a fresh JVM: %.0f ms process CPU, %d feeds rendered%s%n",
                    took / 1e6, published.feedsRendered().size(), news ? " (after one new item)" : "");
        }
    }
}
