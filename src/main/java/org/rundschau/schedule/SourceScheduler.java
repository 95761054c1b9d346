package org.rundschau.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
import org.quartz.impl.StdSchedulerFactory;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.SourceStatus;
import org.rundschau.refresh.SourceRefresher;
import org.rundschau.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz job per source on its schedule, in an in-memory job store. Sources on the same
 * schedule are spread by a stable per-source offset; a source that is overdue (never fetched, or
 * its last attempt longer ago than its interval) runs once soon after start, not once per missed slot.
 */
public final class SourceScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);
    private static final String GROUP = "sources";
    /** Sources on one schedule are spread over at most this much of their interval. */
    static final Duration SPREAD_WINDOW = Duration.ofMinutes(10);

    private static final Duration INTERRUPT_REPEAT = Duration.ofMillis(100);

    private final Scheduler quartz;
    private final Clock clock;
    private final Duration startupWindow;
    private final Map<String, SourceConfig> sources = new ConcurrentHashMap<>();

    /**
     * @param startupWindow overdue sources start spread over this time after start, by their
     *                      stable offsets, so that a restart does not hit every site at once
     */
    public SourceScheduler(SourceRefresher refresher, PublishCoalescer publisher, Clock clock, int threads,
                           Duration startupWindow) throws SchedulerException {
        this.clock = clock;
        this.startupWindow = startupWindow;
        Properties properties = new Properties();
        // A unique name: Quartz keeps schedulers in a JVM-wide repository keyed by name.
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "rundschau-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        quartz = new StdSchedulerFactory(properties).getScheduler();
        Function<String, SourceConfig> lookup = sources::get;
        quartz.setJobFactory((bundle, scheduler) -> new RefreshJob(refresher, lookup, publisher));
    }

    public void start() throws SchedulerException {
        quartz.start();
    }

    /**
     * Schedules {@code source}, replacing any earlier schedule of the same id.
     *
     * @param status the source's stored health: when it was last attempted decides the first run
     */
    public void schedule(SourceConfig source, SourceStatus status) throws SchedulerException {
        JobKey key = JobKey.jobKey(source.id(), GROUP);
        sources.put(source.id(), source);
        JobDetail job = JobBuilder.newJob(RefreshJob.class).withIdentity(key).storeDurably().build();
        List<Trigger> triggers = triggersFor(source, status, key);
        quartz.scheduleJob(job, Set.copyOf(triggers), true);
        log.debug("source={} scheduled {}; first run {}", source.id(), source.schedule(),
                triggers.stream().map(Trigger::getStartTime).min(Date::compareTo).orElse(null));
    }

    /** Stops scheduling {@code sourceId}; a run in progress finishes. */
    public void unschedule(String sourceId) throws SchedulerException {
        quartz.deleteJob(JobKey.jobKey(sourceId, GROUP));
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
        List<String> removed = sources.keySet().stream().filter(id -> !byId.containsKey(id)).sorted().toList();
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
        boolean overdue = status.lastAttempt() == null || !schedule.nextAfter(status.lastAttempt(), source.timezone()).isAfter(now);
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
            if (overdue) {
                triggers.add(TriggerBuilder.newTrigger().withIdentity(source.id() + "/catch-up", GROUP).forJob(key)
                        .startAt(Date.from(startupSlot)).build());
            }
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
