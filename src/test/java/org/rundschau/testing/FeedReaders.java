package org.rundschau.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads published documents with real feed readers: Debian's {@code newsboat} (a terminal reader,
 * driven with {@code -x reload}, its SQLite cache read back) and Python's {@code feedparser}
 * (Debian's {@code python3-feedparser}, the parser behind many web readers). A missing reader fails
 * the test with the command that installs it: a skipped check would let an unreadable feed through.
 */
public final class FeedReaders {
    private static final Path NEWSBOAT = Path.of("/usr/bin/newsboat");
    // Debian's own Python, where python3-feedparser installs; a python3 earlier on PATH may lack it.
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String FEEDPARSER = """
            import sys, json, calendar, feedparser
            d = feedparser.parse(sys.argv[1], response_headers={"content-type": sys.argv[2]})
            def seconds(t):
                return calendar.timegm(t) if t else None
            print(json.dumps({"bozo": int(d.bozo), "problem": str(d.get("bozo_exception", "")),
                "version": d.version, "entries": [{"id": e.get("id", ""), "title": e.get("title", ""),
                "link": e.get("link", ""), "published": seconds(e.get("published_parsed"))} for e in d.entries]}))
            """;

    /**
     * One entry as a reader shows it.
     *
     * @param link      "" when the reader shows none
     * @param published seconds since the epoch; 0 when the reader shows no date
     */
    public record ReadEntry(String id, String title, String link, long published) {}

    private FeedReaders() {
    }

    /**
     * The entries newsboat stores after reloading {@code document} as its only feed, in a cache of
     * its own under {@code work} (newsboat keeps an id once per cache, so each document gets one).
     */
    public static List<ReadEntry> newsboat(Path document, Path work) {
        require(NEWSBOAT, "install Debian's newsboat (apt-get install newsboat)");
        try {
            Files.createDirectories(work);
            Path urls = Files.writeString(work.resolve("urls"), document.toUri() + "\n");
            Path config = Files.writeString(work.resolve("config"), "");
            Path cache = work.resolve("cache.db");
            Outcome outcome = run(Map.of("HOME", work.toString()), NEWSBOAT.toString(), "-u", urls.toString(),
                    "-c", cache.toString(), "-C", config.toString(), "-x", "reload");
            assertThat(outcome.exitCode()).as("newsboat: %s", outcome.output()).isZero();
            assertThat(cache).as("newsboat wrote no cache: %s", outcome.output()).exists();
            return cachedItems(cache);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare newsboat's folder " + work, e);
        }
    }

    /**
     * The entries feedparser finds in {@code document} served as {@code contentType}; fails the test
     * when feedparser reports the document as ill-formed ({@code bozo}).
     */
    public static List<ReadEntry> feedparser(Path document, String contentType) {
        require(PYTHON, "install Debian's python3 and python3-feedparser (apt-get install python3-feedparser)");
        Outcome outcome = run(Map.of(), PYTHON.toString(), "-c", FEEDPARSER, document.toString(), contentType);
        if (outcome.output().contains("No module named 'feedparser'")) {
            fail("Python's feedparser is missing: install Debian's python3-feedparser (apt-get install python3-feedparser)");
        }
        assertThat(outcome.exitCode()).as("feedparser: %s", outcome.output()).isZero();
        JsonNode parsed = json(outcome.output());
        assertThat(parsed.get("bozo").asInt()).as("feedparser: %s", parsed.get("problem").asText()).isZero();
        List<ReadEntry> entries = new ArrayList<>();
        for (JsonNode e : parsed.get("entries")) {
            entries.add(new ReadEntry(e.get("id").asText(), e.get("title").asText(), e.get("link").asText(),
                    e.get("published").asLong(0)));
        }
        return entries;
    }

    private static List<ReadEntry> cachedItems(Path cache) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cache);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT guid, title, url, pubDate FROM rss_item ORDER BY id")) {
            List<ReadEntry> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new ReadEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
            return items;
        } catch (SQLException e) {
            throw new AssertionError("cannot read newsboat's cache " + cache + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("feedparser printed no JSON: " + text, e);
        }
    }

    private static void require(Path tool, String advice) {
        if (!Files.isExecutable(tool)) {
            fail(tool + " is missing: " + advice);
        }
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome run(Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("did not finish: " + List.of(command));
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + List.of(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + List.of(command), e);
        }
    }
}
