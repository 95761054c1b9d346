package org.rundschau.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code newsboat} (C++, libcurl, libxml2, SQLite) reloading a list of feeds once, headless:
 * {@code newsboat -u urls -c cache.db -C config -x reload}, with its own HOME so that nothing of
 * the user's is read or written.
 */
public final class Newsboat {
    private static final Path BINARY = Path.of("/usr/bin/newsboat");
    private static final Pattern UNREAD = Pattern.compile("(\\d+) unread articles");

    /** One reload: its CPU and wall time, and how many articles it then holds. */
    public record Reload(ChildCpu.Run run, int articles) {}

    private Newsboat() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The version line newsboat prints, for the record. */
    public static String version(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve("version.log");
        ChildCpu.run(BINARY + " -v", log, Map.of("HOME", dir.toString()), Duration.ofSeconds(30));
        return Files.readAllLines(log).stream().findFirst().orElse("newsboat (version unknown)").strip();
    }

    /**
     * Reloads every feed into an empty cache in {@code dir}, with {@code threads} parallel
     * downloads ({@code reload-threads}).
     */
    public static Reload reload(List<URI> feeds, Path dir, int threads) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path urls = dir.resolve("urls");
        Files.write(urls, feeds.stream().map(URI::toString).toList());
        Path config = dir.resolve("config");
        Files.writeString(config, "reload-threads " + threads + "\nshow-read-feeds yes\n");
        Path cache = dir.resolve("cache.db");
        Map<String, String> env = Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("xdg").toString(),
                "XDG_DATA_HOME", dir.resolve("xdg").toString());
        String common = BINARY + " -u '" + urls + "' -c '" + cache + "' -C '" + config + "'";
        ChildCpu.Run run = ChildCpu.run(common + " -x reload", dir.resolve("reload.log"), env, Duration.ofMinutes(20));
        Path countLog = dir.resolve("count.log");
        ChildCpu.run(common + " -x print-unread", countLog, env, Duration.ofMinutes(5));
        return new Reload(run, unread(Files.readString(countLog)).orElse(-1));
    }

    private static Optional<Integer> unread(String output) {
        Matcher m = UNREAD.matcher(output);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
