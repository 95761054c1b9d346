package org.rundschau.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.rundschau.bench.ChildCpu;
import org.rundschau.bench.Cpu;
import org.rundschau.bench.HeapWatch;
import org.rundschau.bench.LoopbackServer;
import org.rundschau.bench.Newsboat;
import org.rundschau.bench.RssBridge;
import org.rundschau.bench.SyntheticCorpus;
import org.rundschau.bench.SyntheticSite;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.testing.TempFolders;

/**
 * The benchmark of issue 8, not part of the suite: N generated sources served from loopback, a cold
 * cycle (empty store), warm cycles (nothing changed: 304 or the identical body) and a revisit cycle
 * (every body changed outside its items: read in full, nothing new), one table.
 * See docs/benchmarks.md for what each number means and the results.
 *
 * <pre>
 * mvn -q -o -Pbench test-compile exec:exec@cycle                       # 1,000 sources, comparisons
 * mvn -q -o -Pbench test-compile exec:exec@cycle -Dbench.args="200 --host-gap=2s --no-compare"
 * </pre>
 * Options: {@code N} sources (default 1000); {@code --host-gap=DURATION} (fetch.host-gap, default
 * 0s); {@code --hosts=K} loopback addresses to spread the sources over (default 8);
 * {@code --feeds=200,1000} feed counts for the newsboat comparison; {@code --bridge-pages=P} pages
 * for the rss-bridge comparison (default 120); {@code --no-compare} skips both comparisons;
 * {@code --warm-cycles=K} warm cycles in a row (default 16; with 8 or more, the median of the last 4 is
 * printed as the settled figure of a long-running {@code run}); {@code --revisits=K} revisit cycles
 * after them (default 4; the first and the last are detailed);
 * {@code --postgres} stores into PostgreSQL (a fresh database on the session-local server of
 * {@link org.rundschau.testing.TestPostgres}, or on {@code $RUNDSCHAU_TEST_POSTGRES}) instead of
 * SQLite: the figure per cluster node. The server's own CPU is then not in the CPU columns.
 *
 * <p>CPU is what the JVM reports for the process ({@code getProcessCpuTime}: every thread, GC and
 * JIT included); the loopback server runs in a JVM of its own, so none of its CPU is in it (nor
 * its JIT compilations and garbage collections, which an in-process server added). The per-page figures are the
 * CPU of the refresh worker thread around one source's refresh (fetch, decode, parse, select,
 * normalise, store), beside a bare {@code Jsoup.parse} of the same bytes timed in the same run.
 */
public final class CycleBenchmark {
    private static final double MIB = 1024.0 * 1024.0;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** JVM flags for a short-lived `once` on a small machine: C1 only, the serial collector. */
    static final String TUNED_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    /**
     * Warm cycles the settled figure is the median of, taken at the end of at least twice as many:
     * a method run once per source reaches C2's thresholds only after about ten cycles of 1,000.
     */
    private static final int SETTLED_CYCLES = 4;
    /** The cycle after the warm ones, in which every body changed outside its items. */
    private static final String REVISIT = "revisit";

    private final Options options;
    private final Path dir;
    private final LoopbackServer server;
    private final HeapWatch heap;

    private CycleBenchmark(Options options, Path dir, LoopbackServer server, HeapWatch heap) {
        this.options = options;
        this.dir = dir;
        this.server = server;
        this.heap = heap;
    }

    /** Command-line options; see the class comment. */
    record Options(int sources, Duration hostGap, int hosts, List<Integer> feedCounts, int bridgePages,
                   boolean compare, boolean postgres, int warmCycles, int revisits) {
        static Options parse(String[] args) {
            int sources = 1000;
            Duration gap = Duration.ZERO;
            int hosts = 8;
            List<Integer> feeds = List.of(200, 1000);
            int bridgePages = 120;
            boolean compare = true;
            boolean postgres = false;
            int warmCycles = 16;
            int revisits = 4;
            for (String arg : args) {
                if (arg.startsWith("--host-gap=")) gap = Duration.parse("PT" + arg.substring(11).toUpperCase(Locale.ROOT));
                else if (arg.startsWith("--hosts=")) hosts = Integer.parseInt(arg.substring(8));
                else if (arg.startsWith("--feeds=")) feeds = List.of(arg.substring(8).split(",")).stream().map(Integer::valueOf).toList();
                else if (arg.startsWith("--bridge-pages=")) bridgePages = Integer.parseInt(arg.substring(15));
                else if (arg.equals("--no-compare")) compare = false;
                else if (arg.equals("--postgres")) postgres = true;
                else if (arg.startsWith("--warm-cycles=")) warmCycles = Integer.parseInt(arg.substring(14));
                else if (arg.startsWith("--revisits=")) revisits = Integer.parseInt(arg.substring(11));
                else if (arg.matches("\\d+")) sources = Integer.parseInt(arg);
                else throw new IllegalArgumentException("unknown argument: " + arg);
            }
            if (warmCycles < 1) throw new IllegalArgumentException("--warm-cycles must be at least 1: " + warmCycles);
            if (revisits < 1) throw new IllegalArgumentException("--revisits must be at least 1: " + revisits);
            return new Options(sources, gap, hosts, feeds, bridgePages, compare, postgres, warmCycles, revisits);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path dir = Files.createTempDirectory("rundschau-bench");
        try (LoopbackServer server = LoopbackServer.start(options.hosts()); HeapWatch heap = new HeapWatch()) {
            new CycleBenchmark(options, dir, server, heap).run();
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

    private void run() throws Exception {
        printMachine();
        List<SyntheticSite> sites = SyntheticCorpus.mixed(dir.resolve("site"), options.sources());
        List<URI> urls = server.serve(sites);
        List<SourceConfig> sources = sourceConfigs(sites, urls);
        long html = sites.stream().filter(s -> s.kind().isHtml()).count();
        System.out.printf(Locale.ROOT, "Sources: %d (%d HTML listing pages, mean %.0f bytes; %d feeds), %d items each,"
                        + " on %d loopback hosts. Politeness: fetch.host-gap=%s; %d sources in parallel (App.PARALLEL_SOURCES).%n%n",
                sites.size(), html, meanBytes(sites, true), sites.size() - html, SyntheticCorpus.ITEMS, options.hosts(),
                options.hostGap(), App.PARALLEL_SOURCES);

        List<CycleResult> rows = new ArrayList<>();
        AppConfig throwaway = config(dir.resolve("jit-warmup"), sources);
        try (App app = App.open(throwaway, Clock.systemUTC(), Duration.ZERO)) {
            rows.add(cycle("first cold (JIT cold)", app, throwaway));
        }
        JsoupBaseline jsoup = JsoupBaseline.measure(sites, urls);
        AppConfig config = config(dir.resolve("store"), sources);
        CycleResult cold;
        List<CycleResult> revisits = new ArrayList<>();
        List<CycleResult> warm = new ArrayList<>();
        try (App app = App.open(config, Clock.systemUTC(), Duration.ZERO)) {
            cold = cycle("cold", app, config);
            for (int k = 1; k <= options.warmCycles(); k++) {
                CycleResult result = cycle(k == 1 ? "warm" : "warm " + k, app, config);
                warm.add(k == 1 ? result : result.withoutDetail());
            }
            for (int k = 1; k <= options.revisits(); k++) {
                server.revise(k + 1);
                CycleResult result = cycle(k == 1 ? REVISIT : REVISIT + " " + k, app, config);
                revisits.add(k == 1 || k == options.revisits() ? result : result.withoutDetail());
            }
            server.revise(1);
        }
        rows.add(cold);
        rows.addAll(warm);
        rows.addAll(revisits);
        CycleResult revisit = revisits.get(revisits.size() - 1);
        printTable(rows);
        printRatios(sites, cold, warm, jsoup);
        printRevisit(sites, revisits.get(0), cold, jsoup);
        if (revisits.size() > 1) printRevisit(sites, revisit, cold, jsoup);
        if (options.compare()) {
            compareWithNewsboat();
            if (options.bridgePages() > 0) compareWithRssBridge(sites, urls, cold, revisit);
        }
    }

    // ---- cycles -------------------------------------------------------------------------------

    /** One source's refresh: its outcome and the CPU of the worker thread around it. */
    private record Refreshed(SourceConfig source, RefreshOutcome outcome, long threadCpu) {}

    /**
     * What one cycle cost. The loopback server's CPU is not in it: it runs in another JVM.
     * {@code refreshed} is the per-source detail, kept for the cold cycle and the first warm one
     * only (see {@link #withoutDetail}), so that many warm cycles do not fill the heap they measure.
     */
    private record CycleResult(String name, List<Refreshed> refreshed, int sources, long threadCpuSum, long items,
                               long wallNanos, long cpuNanos, long publishCpuNanos, long heapAfterGc, long heapUsed,
                               long databaseBytes, long ok, long notModified, long httpClientCpuNanos, Cpu.VmThreads vm) {
        double threadCpuMean(java.util.function.Predicate<SourceConfig> which) {
            return refreshed.stream().filter(r -> which.test(r.source())).mapToLong(Refreshed::threadCpu).average().orElse(0);
        }

        CycleResult withoutDetail() {
            return new CycleResult(name, List.of(), sources, threadCpuSum, items, wallNanos, cpuNanos, publishCpuNanos,
                    heapAfterGc, heapUsed, databaseBytes, ok, notModified, httpClientCpuNanos, vm);
        }
    }

    /**
     * Refreshes every source with {@link App#PARALLEL_SOURCES} worker threads, as
     * {@link org.rundschau.refresh.RefreshCycle} does, then publishes. Fails when a source fails.
     */
    private CycleResult cycle(String name, App app, AppConfig config) throws Exception {
        System.gc();
        heap.reset();
        long ok0 = server.okResponses();
        long notModified0 = server.notModifiedResponses();
        long wall0 = System.nanoTime();
        long cpu0 = Cpu.process();
        var client0 = Cpu.threadsNamed("HttpClient-");
        Cpu.VmThreadsSnapshot vm0 = Cpu.vmThreads();
        ExecutorService pool = Executors.newFixedThreadPool(App.PARALLEL_SOURCES);
        List<Refreshed> refreshed = new ArrayList<>();
        try {
            List<Future<Refreshed>> futures = new ArrayList<>();
            for (SourceConfig source : config.sources()) {
                futures.add(pool.submit(() -> {
                    long t0 = Cpu.thread();
                    RefreshOutcome outcome = app.refresher().refreshIfDue(source);
                    return new Refreshed(source, outcome, Cpu.thread() - t0);
                }));
            }
            for (Future<Refreshed> f : futures) refreshed.add(f.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("a refresh threw", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long publish0 = Cpu.thread();
        app.republisher().publish(config);
        long publishCpu = Cpu.thread() - publish0;
        long wall = System.nanoTime() - wall0;
        long cpu = Cpu.process() - cpu0;
        long client = Cpu.usedSince(client0, Cpu.threadsNamed("HttpClient-"));
        Cpu.VmThreads vm = Cpu.vmThreads().since(vm0);
        List<Refreshed> failed = refreshed.stream().filter(r -> r.outcome().failed()).toList();
        if (!failed.isEmpty()) {
            failed.stream().limit(5).forEach(r -> System.out.println("FAILED " + r.source().id() + ": "
                    + r.outcome().status().lastError()));
            throw new IllegalStateException(failed.size() + " sources failed in the " + name + " cycle");
        }
        long items = refreshed.stream().filter(r -> !r.outcome().unchanged())
                .mapToLong(r -> r.outcome().status().itemsLastSuccess()).sum();
        return new CycleResult(name, refreshed, refreshed.size(), refreshed.stream().mapToLong(Refreshed::threadCpu).sum(),
                items, wall, cpu, publishCpu, heap.maxAfterGc(), heap.maxUsed(),
                databaseBytes(config.database()), server.okResponses() - ok0, server.notModifiedResponses() - notModified0,
                client, vm);
    }

    private static long databaseBytes(DatabaseConfig database) throws IOException {
        if (database instanceof DatabaseConfig.Sqlite sqlite) return databaseBytes(sqlite.file());
        try (var c = java.sql.DriverManager.getConnection(((DatabaseConfig.Postgres) database).url());
             var st = c.createStatement(); var rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }

    private static long databaseBytes(Path db) throws IOException {
        long bytes = 0;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = Path.of(db + suffix);
            if (Files.exists(file)) bytes += Files.size(file);
        }
        return bytes;
    }

    // ---- the bare Jsoup parse -----------------------------------------------------------------

    /** CPU of a bare {@code Jsoup.parse} of each HTML page's bytes, JIT warm, one thread. */
    private record JsoupBaseline(double meanNanos, Map<String, Double> perPage) {
        static final int WARMUP_ROUNDS = 2;
        static final int ROUNDS = 3;

        static JsoupBaseline measure(List<SyntheticSite> sites, List<URI> urls) throws IOException {
            Map<String, Double> perPage = new HashMap<>();
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                for (int i = 0; i < sites.size(); i++) {
                    SyntheticSite site = sites.get(i);
                    if (!site.kind().isHtml()) continue;
                    byte[] bytes = Files.readAllBytes(site.file());
                    String charset = site.headerCharset().orElse(null);
                    long t0 = Cpu.thread();
                    Jsoup.parse(new ByteArrayInputStream(bytes), charset, urls.get(i).toString());
                    long took = Cpu.thread() - t0;
                    if (round >= WARMUP_ROUNDS) perPage.merge(site.id(), took / (double) ROUNDS, Double::sum);
                }
            }
            return new JsoupBaseline(perPage.values().stream().mapToDouble(d -> d).average().orElse(0), perPage);
        }
    }

    // ---- configuration ------------------------------------------------------------------------

    private AppConfig config(Path folder, List<SourceConfig> sources) {
        return new AppConfig(folder.resolve("rundschau.yaml"), new FeedConfig("Bench", "tag:bench.example,2026:combined", "", 100),
                folder.resolve("public"), database(folder), BERLIN, Locale.GERMAN,
                Schedule.parse("every 30m"), new FetchConfig(options.hostGap(), Duration.ofSeconds(60), 10L << 20, "", false),
                Map.of(), sources);
    }

    private DatabaseConfig database(Path folder) {
        if (!options.postgres()) return new DatabaseConfig.Sqlite(folder.resolve("data/rundschau.db"));
        return new DatabaseConfig.Postgres(org.rundschau.testing.TestPostgres.freshDatabase(), java.util.Optional.empty(),
                java.util.Optional.empty(), DatabaseConfig.ClusterConfig.DEFAULTS);
    }

    static List<SourceConfig> sourceConfigs(List<SyntheticSite> sites, List<URI> urls) {
        List<SourceConfig> sources = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            SyntheticSite site = sites.get(i);
            SelectorRules rules = SyntheticCorpus.selectors(site.kind()).orElse(null);
            sources.add(new SourceConfig(site.id(), "Source " + site.id(), urls.get(i),
                    rules == null ? SourceKind.FEED : SourceKind.HTML, "", BERLIN, Locale.GERMAN,
                    Schedule.parse("every 30m"), rules));
        }
        return sources;
    }

    // ---- comparisons --------------------------------------------------------------------------

    private void compareWithNewsboat() throws Exception {
        System.out.println();
        if (!Newsboat.installed()) {
            System.out.println("newsboat: not installed (apt-get install newsboat): comparison skipped.");
            return;
        }
        int most = options.feedCounts().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<SyntheticSite> feeds = SyntheticCorpus.feeds(dir.resolve("feeds"), most);
        System.out.println("Cold cycle over the same RSS/Atom feeds (" + SyntheticCorpus.ITEMS + " items each), same loopback"
                + " server; " + Newsboat.version(dir.resolve("nb-version")) + ", reload-threads " + App.PARALLEL_SOURCES + ".");
        System.out.println("CPU seconds: newsboat -x reload (own process) | Rundschau `once` in a fresh JVM (own process) |"
                + " Rundschau cold cycle in this JVM (warm JIT)");
        System.out.println("(rs-tuned: the fresh JVM with " + TUNED_FLAGS + ")");
        System.out.printf("%7s %10s %8s %12s %8s %10s %12s %8s %10s %10s %10s%n", "feeds", "newsboat", "items", "rs-process", "items",
                "rs-tuned", "rs-in-jvm", "items", "nb/rs-proc", "nb/rs-tuned", "nb/rs-jvm");
        List<String> unchanged = new ArrayList<>();
        for (int count : options.feedCounts()) {
            List<SyntheticSite> subset = feeds.subList(0, count);
            List<URI> urls = server.serve(subset);
            Newsboat.Reload nb = Newsboat.reload(urls, dir.resolve("nb-" + count), App.PARALLEL_SOURCES);
            List<SourceConfig> sources = sourceConfigs(subset, urls);
            ChildCpu.Run fresh = rundschauOnce(dir.resolve("rs-" + count), sources, "");
            ChildCpu.Run tuned = rundschauOnce(dir.resolve("rs-tuned-" + count), sources, TUNED_FLAGS);
            // What a cron `once` costs when nothing changed: the same folders again (304s and same bodies).
            ChildCpu.Run freshAgain = rundschauOnce(dir.resolve("rs-" + count), sources, "");
            ChildCpu.Run tunedAgain = rundschauOnce(dir.resolve("rs-tuned-" + count), sources, TUNED_FLAGS);
            unchanged.add(String.format(Locale.ROOT, "%7d %12.2f %10.2f", count, freshAgain.cpuSeconds(), tunedAgain.cpuSeconds()));
            long freshItems = itemCount(dir.resolve("rs-" + count).resolve("data/rundschau.db"));
            AppConfig config = config(dir.resolve("rsin-" + count), sources);
            CycleResult inJvm;
            try (App app = App.open(config, Clock.systemUTC(), Duration.ZERO)) {
                inJvm = cycle("feeds-" + count, app, config);
            }
            double inJvmSeconds = inJvm.cpuNanos() / 1e9;
            System.out.printf(Locale.ROOT, "%7d %10.2f %8d %12.2f %8d %10.2f %12.2f %8d %10.2f %10.2f %10.2f%n", count,
                    nb.run().cpuSeconds(), nb.articles(), fresh.cpuSeconds(), freshItems, tuned.cpuSeconds(), inJvmSeconds,
                    inJvm.items(), nb.run().cpuSeconds() / fresh.cpuSeconds(), nb.run().cpuSeconds() / tuned.cpuSeconds(),
                    nb.run().cpuSeconds() / inJvmSeconds);
        }
        System.out.println("The same `once` again in a fresh JVM, nothing changed on the server (a cron run with no news), CPU seconds:");
        System.out.printf("%7s %12s %10s%n", "feeds", "rs-process", "rs-tuned");
        unchanged.forEach(System.out::println);
    }

    /** Runs {@code rundschau once} in a new JVM (same classpath, -Xmx128m) over these sources. */
    private ChildCpu.Run rundschauOnce(Path folder, List<SourceConfig> sources, String jvmFlags)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        StringBuilder yaml = new StringBuilder("feed:\n  title: \"Bench\"\n  id: \"tag:bench.example,2026:combined\"\n")
                .append("  entries: 100\noutput: ").append(folder.resolve("public")).append("\ndatabase: ")
                .append(folder.resolve("data/rundschau.db")).append("\ntimezone: Europe/Berlin\nlocale: de\n")
                .append("schedule: \"every 30m\"\nfetch:\n  host-gap: ").append(options.hostGap().toMillis()).append("ms\nsources:\n");
        for (SourceConfig s : sources) {
            yaml.append("  - id: ").append(s.id()).append("\n    name: \"").append(s.name()).append("\"\n    url: \"")
                    .append(s.url()).append("\"\n");
        }
        Path file = folder.resolve("rundschau.yaml");
        Files.writeString(file, yaml);
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "'" + java + "' -Xmx128m " + jvmFlags + " -cp '" + System.getProperty("java.class.path")
                + "' org.rundschau.Main once --config '" + file + "'";
        ChildCpu.Run run = ChildCpu.run(command, folder.resolve("once.log"), Map.of(), Duration.ofMinutes(20));
        if (run.exitCode() != 0) {
            throw new IOException("rundschau once exited with " + run.exitCode() + "; see " + folder.resolve("once.log")
                    + ":\n" + Files.readString(folder.resolve("once.log")).lines().limit(20).toList());
        }
        return run;
    }

    private static long itemCount(Path db) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM item")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void compareWithRssBridge(List<SyntheticSite> sites, List<URI> urls, CycleResult cold, CycleResult revisit)
            throws Exception {
        System.out.println();
        if (!RssBridge.installed()) {
            System.out.println("rss-bridge: not installed (apt-get install rss-bridge php-cli): comparison skipped.");
            return;
        }
        List<Integer> htmlIndexes = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) if (sites.get(i).kind().isHtml()) htmlIndexes.add(i);
        int warmup = Math.min(30, htmlIndexes.size() / 4);
        int measured = Math.min(options.bridgePages(), htmlIndexes.size() - warmup);
        try (RssBridge bridge = RssBridge.start(dir.resolve("rss-bridge"))) {
            for (int k = 0; k < warmup; k++) {
                int i = htmlIndexes.get(htmlIndexes.size() - 1 - k);
                bridge.atomEntries(urls.get(i), sites.get(i).kind());
            }
            double cpu0 = bridge.cpuSeconds();
            long entries = 0;
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < measured; k++) {
                int i = htmlIndexes.get(k);
                entries += bridge.atomEntries(urls.get(i), sites.get(i).kind());
                ids.add(sites.get(i).id());
            }
            double bridgePerPage = (bridge.cpuSeconds() - cpu0) / measured;
            double rundschauPerPage = cold.threadCpuMean(s -> ids.contains(s.id())) / 1e9;
            double revisitPerPage = revisit.threadCpuMean(s -> ids.contains(s.id())) / 1e9;
            System.out.printf(Locale.ROOT, "rss-bridge XPathBridge (%s, php -S, opcache on, warmed with %d pages): %d pages, "
                            + "%d entries, %.2f ms CPU per page; Rundschau on the same pages (cold cycle, worker thread): "
                            + "%.2f ms. Rundschau/rss-bridge = %.2f (target <= 0.50).%n",
                    RssBridge.phpVersion(), warmup, measured, entries, bridgePerPage * 1e3, rundschauPerPage * 1e3,
                    rundschauPerPage / bridgePerPage);
            System.out.printf(Locale.ROOT, "  the same pages in the %s cycle (every item known, so nothing stored; what each"
                            + " later poll of a page whose bytes change costs): %.2f ms, Rundschau/rss-bridge = %.2f%n",
                    revisit.name(), revisitPerPage * 1e3, revisitPerPage / bridgePerPage);
        }
    }

    // ---- output -------------------------------------------------------------------------------

    private void printMachine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        List<String> flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        System.out.printf(Locale.ROOT, "Machine: %s, %d cores; %s %s; max heap %.0f MiB; load average at start %.2f%n",
                cpu, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / MIB, Cpu.loadAverage());
        System.out.println("JVM flags: " + (flags.isEmpty() ? "none" : String.join(" ", flags)));
    }

    private static void printTable(List<CycleResult> rows) {
        System.out.printf("%-22s %7s %7s %8s %9s %9s %8s %13s %9s %9s %8s %9s%n", "cycle", "sources", "items", "wall s",
                "sources/s", "items/s", "CPU s", "CPU s/1000src", "heap MiB", "live MiB", "DB MiB", "200/304");
        for (CycleResult r : rows) {
            double wall = r.wallNanos() / 1e9;
            double cpu = r.cpuNanos() / 1e9;
            System.out.printf(Locale.ROOT, "%-22s %7d %7d %8.2f %9.1f %9s %8.2f %13.2f %9.1f %9.1f %8.1f %9s%n", r.name(),
                    r.sources(), r.items(), wall, r.sources() / wall, r.items() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.items() / wall),
                    cpu, cpu * 1000 / r.sources(), r.heapUsed() / MIB, r.heapAfterGc() / MIB, r.databaseBytes() / MIB,
                    r.ok() + "/" + r.notModified());
        }
        System.out.println("(wall-clock columns depend on the machine's load; CPU is this JVM's, the loopback server runs in another;"
                + " heap = most in use at a 10 ms sample, live = most in use after a GC)");
    }

    private static void printRatios(List<SyntheticSite> sites, CycleResult cold, List<CycleResult> warmCycles,
                                    JsoupBaseline jsoup) {
        CycleResult warm = warmCycles.get(0);
        CycleResult last = warmCycles.get(warmCycles.size() - 1);
        java.util.Set<String> htmlIds = new java.util.HashSet<>();
        sites.stream().filter(s -> s.kind().isHtml()).forEach(s -> htmlIds.add(s.id()));
        double perPage = cold.threadCpuMean(s -> htmlIds.contains(s.id()));
        double perFeed = cold.threadCpuMean(s -> !htmlIds.contains(s.id()));
        double htmlShare = cold.refreshed().stream().filter(r -> htmlIds.contains(r.source().id()))
                .mapToLong(Refreshed::threadCpu).sum() / (double) cold.threadCpuSum();
        double allIn = cold.cpuNanos() * htmlShare / htmlIds.size();
        System.out.println();
        System.out.printf(Locale.ROOT, "Cold cycle, per HTML page: worker-thread CPU %.3f ms; bare Jsoup.parse of the same bytes"
                        + " %.3f ms (JIT warm, mean of %d rounds): ratio %.2f (target <= 2.00)%n",
                perPage / 1e6, jsoup.meanNanos() / 1e6, JsoupBaseline.ROUNDS, perPage / jsoup.meanNanos());
        System.out.printf(Locale.ROOT, "  with its share of every other thread (HTTP client, GC, JIT, publish): %.3f ms, ratio %.2f%n",
                allIn / 1e6, allIn / jsoup.meanNanos());
        System.out.printf(Locale.ROOT, "Cold cycle, per feed: worker-thread CPU %.3f ms. Publish (all feeds): %.1f ms CPU cold,"
                        + " %.1f ms warm.%n", perFeed / 1e6, cold.publishCpuNanos() / 1e6, warm.publishCpuNanos() / 1e6);
        System.out.printf(Locale.ROOT, "Warm cycle CPU / cold cycle CPU: %.1f%% (target <= 5%%); worker threads alone: %.1f%%%n",
                100.0 * warm.cpuNanos() / cold.cpuNanos(), 100.0 * warm.threadCpuSum() / cold.threadCpuSum());
        if (warmCycles.size() >= SETTLED_CYCLES * 2) {
            List<CycleResult> settled = warmCycles.subList(warmCycles.size() - SETTLED_CYCLES, warmCycles.size());
            long[] cpu = settled.stream().mapToLong(CycleResult::cpuNanos).sorted().toArray();
            double median = (cpu[(cpu.length - 1) / 2] + cpu[cpu.length / 2]) / 2.0;
            System.out.printf(Locale.ROOT, "Settled warm cycle (median of warm cycles %d-%d, once the JIT has compiled the warm"
                            + " path, as in a long-running `run`) / cold cycle CPU: %.1f%% (range %.1f-%.1f%%)%n",
                    warmCycles.size() - SETTLED_CYCLES + 1, warmCycles.size(), 100.0 * median / cold.cpuNanos(),
                    100.0 * cpu[0] / cold.cpuNanos(), 100.0 * cpu[cpu.length - 1] / cold.cpuNanos());
        } else if (warmCycles.size() > 1) {
            System.out.printf(Locale.ROOT, "Warm cycle %d CPU / cold cycle CPU: %.1f%% (too few warm cycles for a settled figure:"
                    + " --warm-cycles=%d or more)%n", warmCycles.size(), 100.0 * last.cpuNanos() / cold.cpuNanos(),
                    SETTLED_CYCLES * 2);
        }
        for (CycleResult r : warmCycles.size() > 1 ? List.of(cold, warm, last) : List.of(cold, warm)) {
            long workers = r.threadCpuSum();
            long rest = r.cpuNanos() - workers - r.httpClientCpuNanos() - r.publishCpuNanos() - r.vm().gcNanos()
                    - r.vm().jitNanos();
            System.out.printf(Locale.ROOT, "%s cycle CPU by thread: refresh workers %.2f s, HTTP client threads %.2f s, publish"
                            + " %.2f s, GC and VM threads %.2f s, JIT compiler threads %.2f s, the rest (threads that ended, other"
                            + " JVM threads) %.2f s%n", r.name(), workers / 1e9, r.httpClientCpuNanos() / 1e9,
                    r.publishCpuNanos() / 1e9, r.vm().gcNanos() / 1e9, r.vm().jitNanos() / 1e9, rest / 1e9);
        }
        List<Refreshed> slowest = cold.refreshed().stream().sorted(Comparator.comparingLong(Refreshed::threadCpu).reversed())
                .limit(3).toList();
        System.out.println("Slowest sources in the cold cycle (worker CPU ms): " + slowest.stream()
                .map(r -> r.source().id() + "=" + String.format(Locale.ROOT, "%.1f", r.threadCpu() / 1e6)).toList());
    }

    /**
     * The revisit cycle: every body changed outside its items (the server's revision 2), so every
     * source is fetched in full, parsed and normalised, and every item is found in the store. It is
     * what most polls of a real listing page cost, since a rotating advert, a token or a clock in
     * the page changes its bytes without news.
     */
    private static void printRevisit(List<SyntheticSite> sites, CycleResult revisit, CycleResult cold, JsoupBaseline jsoup) {
        java.util.Set<String> htmlIds = new java.util.HashSet<>();
        sites.stream().filter(s -> s.kind().isHtml()).forEach(s -> htmlIds.add(s.id()));
        double perPage = revisit.threadCpuMean(s -> htmlIds.contains(s.id()));
        double perFeed = revisit.threadCpuMean(s -> !htmlIds.contains(s.id()));
        int added = revisit.refreshed().stream().mapToInt(r -> r.outcome().stored().added()).sum();
        int updated = revisit.refreshed().stream().mapToInt(r -> r.outcome().stored().updated()).sum();
        System.out.printf(Locale.ROOT, "%s cycle (every body changed outside its items: %d items added, %d updated),"
                        + " per HTML page: worker-thread CPU %.3f ms, %.2f x the bare parse; per feed %.3f ms; whole cycle"
                        + " %.1f%% of the cold one%n", revisit.name(), added, updated, perPage / 1e6, perPage / jsoup.meanNanos(),
                perFeed / 1e6, 100.0 * revisit.cpuNanos() / cold.cpuNanos());
    }

    private static double meanBytes(List<SyntheticSite> sites, boolean html) throws IOException {
        long total = 0;
        int n = 0;
        for (SyntheticSite s : sites) {
            if (s.kind().isHtml() == html) {
                total += Files.size(s.file());
                n++;
            }
        }
        return n == 0 ? 0 : total / (double) n;
    }
}
