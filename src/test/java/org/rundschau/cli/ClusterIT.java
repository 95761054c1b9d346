package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.rundschau.config.Schedule;
import org.rundschau.testing.AtomChecks;
import org.rundschau.testing.TestPostgres;

/**
 * Three Rundschau nodes, each its own JVM, on one real PostgreSQL database and one set of
 * WireMock sources. One node is killed with {@code kill -9} in the middle of a slot. Afterwards:
 * every source was fetched once in every slot (a fetch the dead node had in flight runs once more
 * on a survivor, and only then), two nodes never had requests to the one host at once, every item
 * (also those that appeared after the loss) is stored once, the published feed is complete and
 * valid, and the survivors took the dead node's place in Quartz's cluster.
 *
 * <p>Runs beside the other test classes (see junit-platform.properties): it mostly waits for slots.
 */
@Execution(ExecutionMode.CONCURRENT)
class ClusterIT {
    private static final int SOURCES = 6;
    private static final int ITEMS = 8;
    private static final Duration SLOT = Duration.ofSeconds(5);
    /** The nodes' {@code cluster.check-in}, as in the config below. */
    private static final Duration CHECK_IN = Duration.ofSeconds(1);
    /** What Quartz adds to a silent node's check-in interval before it takes the node for dead. */
    private static final Duration QUARTZ_GRACE = Duration.ofMillis(7_500);
    private static final Duration RESPONSE_DELAY = Duration.ofMillis(150);
    /** "DEBUG RefreshJob - source=s3 slot=2026-12-03T01:02:05Z" and the recovery variant. */
    private static final Pattern RUN = Pattern.compile("source=(s\\d+) slot=(\\S+?Z)(.*)");

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path config;
    String database;
    private final Map<Process, Path> logs = new HashMap<>();

    @BeforeEach
    void sourcesAndDatabase() throws IOException {
        TestPostgres.assumeAvailable();
        database = TestPostgres.freshDatabase();
        StringBuilder sources = new StringBuilder();
        for (int s = 0; s < SOURCES; s++) {
            serve(s, ITEMS);
            sources.append("  - id: s").append(s).append("\n    url: http://127.0.0.1:").append(site.getPort())
                    .append("/s").append(s).append(".xml\n");
        }
        config = dir.resolve("rundschau.yaml");
        // database-user comes from the environment of each node (RUNDSCHAU_DATABASE_USER), as an
        // operator would keep credentials out of the file.
        Files.writeString(config, """
                feed: {title: "Cluster", id: "tag:cluster.example.org,2026:feed", entries: 100}
                output: %s/public
                database: %s
                cluster: {check-in: %ds}
                schedule: "0/5 * * * * ?"
                fetch: {host-gap: 50ms}
                dedup: {first-fetch-limit: 100}
                sources:
                %s""".formatted(dir, database.replaceAll("[?&]user=[^&]*", ""), CHECK_IN.toSeconds(), sources));
    }

    @AfterEach
    void stopEverything() {
        logs.keySet().forEach(Process::destroyForcibly);
        logs.keySet().forEach(p -> {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (database != null) TestPostgres.drop(database);
    }

    private static void serve(int source, int items) {
        site.stubFor(get(urlEqualTo("/s" + source + ".xml")).willReturn(aResponse()
                .withFixedDelay((int) RESPONSE_DELAY.toMillis())
                .withHeader("Content-Type", "application/rss+xml").withBody(rss(source, items))));
    }

    private static String rss(int source, int items) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Quelle " + source + "</title><link>https://s" + source + ".example.org/</link><description>D</description>");
        for (int i = 0; i < items; i++) {
            rss.append("<item><title>Meldung ").append(i).append(" aus Quelle ").append(source).append(" zu Thema ")
                    .append(source * 100 + i).append("</title><link>https://s").append(source).append(".example.org/m/")
                    .append(i).append("</link><guid>s").append(source).append("-").append(i).append("</guid>")
                    .append("<description>Text ").append(i).append("</description>")
                    .append("<pubDate>Fri, 07 Feb 2025 10:").append(String.format("%02d", i)).append(":00 +0100</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    @Test
    void threeNodesShareTheWorkAndSurviveTheLossOfOne() throws Exception {
        List<Process> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) nodes.add(start("run", "--startup-spread", "0", "-v"));
        for (Process node : nodes) awaitLog(node, "cluster node ", Duration.ofSeconds(90));

        // Measure whole slots from the second one that starts after every node is up: the first
        // node's catch-up run at start (it finds every source overdue) is over by then.
        Instant first = nextSlot(Instant.now()).plus(SLOT);
        // Two slots, then in the slot's first request (the sources are fetched one after another
        // from the slot's start, each answer taking 150 ms): likely while the victim has one in flight.
        sleepUntil(first.plus(SLOT.multipliedBy(2)).plusMillis(80));
        Process victim = nodes.get(1);
        victim.destroyForcibly();                                       // kill -9
        assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();
        System.out.println("cluster-it: first slot " + first + ", killed node-1 at " + killed);
        // News after the loss: only the survivors can store and publish it.
        for (int s = 0; s < SOURCES; s++) serve(s, ITEMS + 1);
        // Quartz takes a node for dead once it is silent for its check-in interval plus a fixed grace
        // of 7.5 s; a survivor notices at its next check-in, recovers the node's jobs and deletes its
        // check-in row. Bound: two check-ins, the grace, and 4 s for a loaded machine (measured 8.3–8.9 s).
        Duration recovered = awaitSchedulerInstances(2, killed, Duration.ofSeconds(30));
        System.out.println("cluster-it: node-1's jobs recovered " + recovered.toMillis() + " ms after the kill");
        assertThat(recovered).as("time from the kill to the recovery of node-1's jobs")
                .isLessThanOrEqualTo(CHECK_IN.multipliedBy(2).plus(QUARTZ_GRACE).plusSeconds(4));
        Instant last = nextSlot(killed.plus(Duration.ofSeconds(9))).plus(SLOT.multipliedBy(2));
        sleepUntil(last.plus(SLOT).minusMillis(500));   // the last measured slot has finished its fetches
        for (Process node : List.of(nodes.get(0), nodes.get(2))) {
            node.destroy();   // SIGTERM
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node stops; output:%n%s", output(node)).isTrue();
        }

        List<Run> runs = new ArrayList<>();
        for (Process node : nodes) runs.addAll(runs(node, node == victim));
        assertEverySlotFetchedOnce(runs, first, last, killed);
        assertRequestsMatchRuns(runs, first, last, killed);
        assertNoTwoRequestsAtOnce();
        assertEveryItemStoredOnceAndPublished();
        assertThat(schedulerInstances()).as("the dead node's check-in row is gone: it was recovered").hasSize(2);
    }

    /** One run of a source's job, as a node logged it. */
    private record Run(String source, Instant slot, boolean recovering, boolean byVictim) {}

    private List<Run> runs(Process node, boolean victim) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String line : output(node).split("\n")) {
            if (!line.contains("RefreshJob")) continue;
            Matcher m = RUN.matcher(line.substring(line.indexOf("source=")));
            if (!m.lookingAt()) continue;
            runs.add(new Run(m.group(1), Instant.parse(m.group(2)), m.group(3).contains("running again"), victim));
        }
        return runs;
    }

    private void assertEverySlotFetchedOnce(List<Run> runs, Instant first, Instant last, Instant killed) {
        Instant killSlot = slotOf(killed);
        Map<String, Map<Instant, List<Run>>> bySourceAndSlot = new TreeMap<>();
        for (Run run : runs) {
            if (run.slot().isBefore(first) || run.slot().isAfter(last)) continue;
            bySourceAndSlot.computeIfAbsent(run.source(), s -> new TreeMap<>())
                    .computeIfAbsent(run.slot(), t -> new ArrayList<>()).add(run);
        }
        Set<Instant> slots = new TreeSet<>();
        for (Instant t = first; !t.isAfter(last); t = t.plus(SLOT)) slots.add(t);
        for (int s = 0; s < SOURCES; s++) {
            Map<Instant, List<Run>> bySlot = bySourceAndSlot.getOrDefault("s" + s, Map.of());
            assertThat(bySlot.keySet()).as("slots in which source s%d was fetched", s).containsAll(slots);
            bySlot.forEach((slot, inSlot) -> {
                List<Run> fresh = inSlot.stream().filter(r -> !r.recovering()).toList();
                if (fresh.isEmpty() && slot.equals(killSlot)) {
                    // The victim died after Quartz fired this slot's trigger on it but before the job
                    // logged its first line (a loaded machine widens that gap): the recovery is its one run.
                    assertThat(inSlot).as("runs of %s in the slot of the kill", inSlot.get(0).source())
                            .singleElement().matches(Run::recovering);
                    return;
                }
                assertThat(fresh).as("runs of %s in slot %s", inSlot.get(0).source(), slot).hasSize(1);
                if (inSlot.size() > 1) {
                    // Only the dead node's unfinished run is run again, and only once.
                    assertThat(inSlot).hasSize(2);
                    assertThat(fresh.get(0).byVictim()).isTrue();
                }
            });
        }
    }

    /**
     * Every request reaching a site in the measured slots is one logged run: no node fetches behind
     * the schedule's back, and each run fetches once. The victim's runs of the slot it died in may
     * have logged without getting to send their request.
     */
    private void assertRequestsMatchRuns(List<Run> runs, Instant first, Instant last, Instant killed) {
        Instant killSlot = slotOf(killed);
        Instant end = last.plus(SLOT);
        Map<String, Long> requests = site.getAllServeEvents().stream()
                .filter(e -> !e.getRequest().getLoggedDate().toInstant().isBefore(first)
                        && e.getRequest().getLoggedDate().toInstant().isBefore(end))
                .collect(Collectors.groupingBy(e -> e.getRequest().getUrl().replaceAll("^/(s\\d+)\\.xml$", "$1"),
                        Collectors.counting()));
        for (int s = 0; s < SOURCES; s++) {
            String id = "s" + s;
            List<Run> measured = runs.stream().filter(r -> r.source().equals(id))
                    .filter(r -> !r.slot().isBefore(first) && !r.slot().isAfter(last)).toList();
            long unsent = measured.stream().filter(r -> r.byVictim() && r.slot().equals(killSlot)).count();
            long made = requests.getOrDefault(id, 0L);
            assertThat(made).as("requests for %s vs runs %s", id, measured)
                    .isBetween(measured.size() - unsent, (long) measured.size());
        }
    }

    /** The slot {@code t} falls in. */
    private static Instant slotOf(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli() / SLOT.toMillis() * SLOT.toMillis());
    }

    /** All sources live on one host: no two requests to it overlapped, whichever nodes sent them. */
    private void assertNoTwoRequestsAtOnce() {
        List<long[]> visits = site.getAllServeEvents().stream()
                .map(e -> new long[] {e.getRequest().getLoggedDate().getTime(), end(e)})
                .sorted(Comparator.comparingLong(v -> v[0])).toList();
        assertThat(visits).hasSizeGreaterThan(SOURCES * 5);
        for (int i = 1; i < visits.size(); i++) {
            assertThat(visits.get(i)[0]).as("request %d starts after request %d ended", i, i - 1)
                    .isGreaterThanOrEqualTo(visits.get(i - 1)[1]);
        }
    }

    /** When the response was sent; for one whose client died before it (the victim), when it would have been. */
    private static long end(ServeEvent e) {
        Integer total = e.getTiming() == null ? null : e.getTiming().getTotalTime();
        long start = e.getRequest().getLoggedDate().getTime();
        return start + (total != null ? total : RESPONSE_DELAY.toMillis());
    }

    private void assertEveryItemStoredOnceAndPublished() throws Exception {
        try (Connection c = DriverManager.getConnection(database); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT (source_id, guid)) FROM item")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(SOURCES * (ITEMS + 1));
                assertThat(rs.getInt(2)).isEqualTo(SOURCES * (ITEMS + 1));
            }
        }
        Path feed = dir.resolve("public/feed.atom");
        AtomChecks.assertValid(feed);
        String atom = Files.readString(feed, StandardCharsets.UTF_8);
        int entries = atom.split("<entry", -1).length - 1;
        assertThat(entries).isEqualTo(SOURCES * (ITEMS + 1));
        for (int s = 0; s < SOURCES; s++) {
            for (int i = 0; i <= ITEMS; i++) {
                assertThat(atom).contains("https://s" + s + ".example.org/m/" + i + "\"");
            }
        }
        List<Path> sourceFeeds = IntStream.range(0, SOURCES).mapToObj(s -> dir.resolve("public/source/s" + s + ".atom"))
                .toList();
        AtomChecks.assertAllValid(sourceFeeds);
    }

    /** How long after {@code since} the cluster's check-in table first held {@code count} rows. */
    private Duration awaitSchedulerInstances(int count, Instant since, Duration atMost) throws Exception {
        Instant deadline = since.plus(atMost);
        while (schedulerInstances().size() != count) {
            assertThat(Instant.now()).as("%d check-in rows within %s; now %s", count, atMost, schedulerInstances())
                    .isBefore(deadline);
            Thread.sleep(100);
        }
        return Duration.between(since, Instant.now());
    }

    private List<String> schedulerInstances() throws SQLException {
        List<String> instances = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT instance_name FROM qrtz_scheduler_state")) {
            while (rs.next()) instances.add(rs.getString(1));
        }
        return instances;
    }

    private static Instant nextSlot(Instant after) {
        long slot = SLOT.toMillis();
        return Instant.ofEpochMilli((after.toEpochMilli() / slot + 1) * slot);
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) Thread.sleep(millis);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                // Slots of 5 s, against the test's own WireMock: below the minimum kept for real sites.
                "-D" + Schedule.MINIMUM_PROPERTY + "=" + SLOT.toSeconds() + "s",
                "-cp", System.getProperty("java.class.path"), "org.rundschau.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        // Under target/, so that the logs of a failed run can be read afterwards.
        Path log = Files.createDirectories(Path.of("target", "cluster-it")).resolve("node-" + logs.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Matcher user = Pattern.compile("[?&]user=([^&]*)").matcher(database);
        if (user.find()) builder.environment().put("RUNDSCHAU_DATABASE_USER", user.group(1));
        Process process = builder.start();
        logs.put(process, log);
        return process;
    }

    private String output(Process process) throws IOException {
        return Files.readString(logs.get(process), StandardCharsets.UTF_8);
    }

    private void awaitLog(Process process, String text, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (!output(process).contains(text)) {
            assertThat(process.isAlive()).as("node still running; output:%n%s", output(process)).isTrue();
            assertThat(Instant.now()).as("node logged '%s' in time; output:%n%s", text, output(process)).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
