package org.rundschau.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Sha256;
import org.rundschau.model.SourceStatus;
import org.rundschau.refresh.SourceRefresher;
import org.rundschau.store.Database;
import org.rundschau.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz job per source on its schedule. Sources on the same schedule are spread by a stable
 * per-source offset; a source that is overdue (never fetched, or its last attempt longer ago than
 * its interval) runs once soon after start, not once per missed slot.
 *
 * <p>With SQLite the job store is in memory: this process is the only one fetching. With PostgreSQL
 * ({@link #clustered}) it is Quartz's clustered JDBC job store in the shared database: every node
 * shares one schedule, Quartz gives each firing of a source's trigger to exactly one node, and the
 * jobs of a node that stops checking in are recovered by the others (a fetch it had in flight runs
 * again elsewhere). A job carries its source's definition, so a node that starts with the same
 * config leaves the schedule alone, and one with an edited source reschedules it for all.
 */
public final class SourceScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);
    private static final String GROUP = "sources";
    /** Sources on one schedule are spread over at most this much of their interval. */
    static final Duration SPREAD_WINDOW = Duration.ofMinutes(10);

    private static final Duration INTERRUPT_REPEAT = Duration.ofMillis(100);

    /** Job data: a digest of the source's definition, to tell whether a stored job is current. */
    static final String DEFINITION = "definition";

    private final Scheduler quartz;
    private final Clock clock;
    private final Duration startupWindow;
    private final Database cluster;   // null: in memory, this process alone
    private final Map<String, SourceConfig> sources = new ConcurrentHashMap<>();

    /**
     * A scheduler in memory, for a process that fetches alone (SQLite).
     *
     * @param startupWindow overdue sources start spread over this time after start, by their
     *                      stable offsets, so that a restart does not hit every site at once
     */
    public SourceScheduler(SourceRefresher refresher, PublishCoalescer publisher, Clock clock, int threads,
                           Duration startupWindow) throws SchedulerException {
        this(refresher, publisher, clock, startupWindow, inMemory(threads), null);
    }

    /**
     * A node of the cluster that shares {@code database}'s schedule (Quartz's clustered JDBC job
     * store, tables created if missing).
     *
     * @param database the store, opened on {@code config}: its advisory locks serialise changes of
     *                 the shared schedule
     */
    public static SourceScheduler clustered(SourceRefresher refresher, PublishCoalescer publisher, Clock clock,
                                            int threads, Duration startupWindow, DatabaseConfig.Postgres config,
                                            Database database) throws SchedulerException, StoreException {
        Objects.requireNonNull(database, "database");
        Properties properties = QuartzCluster.properties(config, threads);
        try {
            return new SourceScheduler(refresher, publisher, clock, startupWindow, properties, database);
        } catch (SchedulerException | RuntimeException e) {
            QuartzCluster.release(properties);
            throw e;
        }
    }

    private SourceScheduler(SourceRefresher refresher, PublishCoalescer publisher, Clock clock, Duration startupWindow,
                            Properties properties, Database cluster) throws SchedulerException {
        this.clock = clock;
        this.startupWindow = startupWindow;
        this.cluster = cluster;
        quartz = new StdSchedulerFactory(properties).getScheduler();
        Function<String, SourceConfig> lookup = sources::get;
        quartz.setJobFactory((bundle, scheduler) -> new RefreshJob(refresher, lookup, publisher));
    }

    private static Properties inMemory(int threads) {
        Properties properties = new Properties();
        // A unique name: Quartz keeps schedulers in a JVM-wide repository keyed by name.
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "rundschau-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return properties;
    }

    /** The Quartz scheduler, for tests that look at the stored schedule. */
    Scheduler quartz() {
        return quartz;
    }

    /** This node's name in the cluster (Quartz's instance id); a random name in memory. */
    public String node() throws SchedulerException {
        return quartz.getSchedulerInstanceId();
    }

    public void start() throws SchedulerException {
        quartz.start();
    }

    /**
     * Schedules {@code source}, replacing any earlier schedule of the same id.
     *
     * @param status the source's stored health: when it was last attempted decides the first run
     */
    public void schedule(SourceConfig source, SourceStatus status) throws SchedulerException, StoreException {
        sources.put(source.id(), source);
        if (cluster == null) {
            store(source, status);
            return;
        }
        cluster.exclusively(Database.SCHEDULE_LOCK, "schedule source " + source.id(), () -> {
            JobDetail stored = quartz.getJobDetail(jobKey(source.id()));
            boolean current = stored != null && definition(source).equals(stored.getJobDataMap().getString(DEFINITION))
                    && !quartz.getTriggersOfJob(stored.getKey()).isEmpty();
            if (!current) {
                store(source, status);
            } else if (overdue(source, status, clock.instant()) && !quartz.checkExists(catchUpKey(source.id()))) {
                // The whole cluster was down past a slot: run once soon, as a single process would.
                quartz.scheduleJob(catchUp(source, stored.getKey()));
                log.debug("source={} already scheduled in the cluster; overdue, so it runs once soon", source.id());
            } else {
                log.debug("source={} already scheduled in the cluster", source.id());
            }
            return null;
        });
    }

    private static boolean overdue(SourceConfig source, SourceStatus status, Instant now) {
        return status.lastAttempt() == null
                || !source.schedule().nextAfter(status.lastAttempt(), source.timezone()).isAfter(now);
    }

    private static TriggerKey catchUpKey(String sourceId) {
        return TriggerKey.triggerKey(sourceId + "/catch-up", GROUP);
    }

    /** A single run soon after start, in the source's stable place of the startup window. */
    private Trigger catchUp(SourceConfig source, JobKey job) {
        Instant startupSlot = clock.instant().plus(offset(source.id(), startupWindow));
        return TriggerBuilder.newTrigger().withIdentity(catchUpKey(source.id())).forJob(job)
                .startAt(Date.from(startupSlot)).build();
    }

    private void store(SourceConfig source, SourceStatus status) throws SchedulerException {
        JobKey key = jobKey(source.id());
        // Recovery: a fetch that was running on a node that died runs again on another one.
        JobDetail job = JobBuilder.newJob(RefreshJob.class).withIdentity(key).storeDurably()
                .requestRecovery(cluster != null).usingJobData(DEFINITION, definition(source)).build();
        List<Trigger> triggers = triggersFor(source, status, key);
        // Delete, then add: Quartz's JDBC store replaces a trigger of another kind (interval to
        // cron, or back) only in part, and keeps a catch-up trigger that is no longer wanted.
        quartz.deleteJob(key);
        quartz.scheduleJob(job, Set.copyOf(triggers), false);
        log.debug("source={} scheduled {}; first run {}", source.id(), source.schedule(),
                triggers.stream().map(Trigger::getStartTime).min(Date::compareTo).orElse(null));
    }

    private static JobKey jobKey(String sourceId) {
        return JobKey.jobKey(sourceId, GROUP);
    }

    /** A digest of everything that defines the source: equal digests, equal sources. */
    static String definition(SourceConfig source) {
        return HexFormat.of().formatHex(Sha256.of(source.toString()), 0, 16);
    }

    /** Stops scheduling {@code sourceId} (for every node of a cluster); a run in progress finishes. */
    public void unschedule(String sourceId) throws SchedulerException {
        quartz.deleteJob(jobKey(sourceId));
        sources.remove(sourceId);
    }

    /** The ids of the sources scheduled now. */
    public Set<String> scheduledIds() {
        return Set.copyOf(sources.keySet());
    }

    /** Reads a source's stored health. */
    @FunctionalInterface
    public interface StatusLookup {
        SourceStatus load(String sourceId) throws StoreException;
    }

    /**
     * Brings the schedule in line with a (reloaded) source list: removed sources stop, added
     * ones start, changed ones are rescheduled; unchanged ones keep their triggers.
     *
     * @return a one-line description of what changed, for the log
     */
    public String reconcile(List<SourceConfig> wanted, StatusLookup statuses) throws SchedulerException, StoreException {
        Map<String, SourceConfig> byId = new LinkedHashMap<>();
        wanted.forEach(s -> byId.put(s.id(), s));
        Set<String> known = new java.util.TreeSet<>(sources.keySet());
        if (cluster != null) {
            // Sources removed from the config while no node ran are still in the shared schedule.
            quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).forEach(k -> known.add(k.getName()));
        }
        List<String> removed = known.stream().filter(id -> !byId.containsKey(id)).sorted().toList();
        for (String id : removed) unschedule(id);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (SourceConfig source : byId.values()) {
            SourceConfig before = sources.get(source.id());
            if (source.equals(before)) continue;
            (before == null ? added : changed).add(source.id());
            schedule(source, statuses.load(source.id()));
        }
        return "added " + added + ", changed " + changed + ", removed " + removed;
    }

    private List<Trigger> triggersFor(SourceConfig source, SourceStatus status, JobKey key) {
        Instant now = clock.instant();
        Schedule schedule = source.schedule();
        Duration period = schedule.period(now, source.timezone());
        Duration offset = offset(source.id(), period.compareTo(SPREAD_WINDOW) < 0 ? period : SPREAD_WINDOW);
        Instant startupSlot = now.plus(offset(source.id(), startupWindow));
        boolean overdue = overdue(source, status, now);
        List<Trigger> triggers = new ArrayList<>();
        if (schedule.isInterval()) {
            Instant first = overdue ? startupSlot : schedule.nextAfter(status.lastAttempt(), source.timezone()).plus(offset);
            triggers.add(TriggerBuilder.newTrigger().withIdentity(source.id(), GROUP).forJob(key)
                    .startAt(Date.from(first))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(schedule.interval().toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
        } else {
            triggers.add(TriggerBuilder.newTrigger().withIdentity(source.id(), GROUP).forJob(key)
                    .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                            .inTimeZone(TimeZone.getTimeZone(source.timezone()))
                            .withMisfireHandlingInstructionDoNothing())
                    .build());
            if (overdue) triggers.add(catchUp(source, key));
        }
        return triggers;
    }

    /** A stable offset in [0, window) from the source id, so equal schedules don't fire together. */
    static Duration offset(String sourceId, Duration window) {
        long millis = window.toMillis();
        return millis <= 0 ? Duration.ZERO : Duration.ofMillis(Math.floorMod(sourceId.hashCode() * 2654435761L, millis));
    }

    /**
     * Stops: no new runs start, running fetches are interrupted, and the call returns when the
     * running jobs have finished (a database write in progress completes).
     */
    @Override
    public void close() throws SchedulerException {
        quartz.standby();
        // A job that fired a moment ago may not be listed as executing yet, so keep interrupting
        // until every job has finished: one missed interrupt would hold shutdown for a whole fetch.
        Thread waiter = new Thread(() -> {
            try {
                quartz.shutdown(true);
            } catch (SchedulerException e) {
                log.warn("scheduler: {}", e.getMessage());
            }
        }, "scheduler-shutdown");
        waiter.start();
        try {
            while (waiter.isAlive()) {
                interruptRunningJobs();
                waiter.join(INTERRUPT_REPEAT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void interruptRunningJobs() {
        try {
            for (JobExecutionContext running : quartz.getCurrentlyExecutingJobs()) {
                quartz.interrupt(running.getJobDetail().getKey());
            }
        } catch (SchedulerException e) {
            log.debug("scheduler: {}", e.getMessage());   // already shut down: nothing left to interrupt
        }
    }
}
