package org.rundschau.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.rundschau.config.SourceConfig;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.refresh.SourceRefresher;
import org.rundschau.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes one source (the job's name is the source id) and asks for a publication after every
 * fetch: besides new items, the page shows each source's health. Quartz never runs two instances of
 * one source's job at once.
 */
@DisallowConcurrentExecution
final class RefreshJob implements InterruptableJob {
    private static final Logger log = LoggerFactory.getLogger(RefreshJob.class);
    private final SourceRefresher refresher;
    private final Function<String, SourceConfig> sources;
    private final PublishCoalescer publisher;
    private volatile Thread worker;

    RefreshJob(SourceRefresher refresher, Function<String, SourceConfig> sources, PublishCoalescer publisher) {
        this.refresher = refresher;
        this.sources = sources;
        this.publisher = publisher;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        SourceConfig source = sources.apply(context.getJobDetail().getKey().getName());
        if (source == null) return;   // removed by a config reload while the trigger fired
        if (context.isRecovering()) {
            log.info("source={} slot={}: running again the fetch of a node that stopped", source.id(), slot(context));
        } else {
            log.debug("source={} slot={}", source.id(), slot(context));
        }
        worker = Thread.currentThread();
        try {
            RefreshOutcome outcome = refresher.refreshIfDue(source);
            if (!outcome.skipped()) publisher.request();
        } catch (StoreException e) {
            throw new JobExecutionException(e.getMessage(), e, false);
        } finally {
            worker = null;
            Thread.interrupted();   // an interrupt meant for this run must not leak to the pool thread
        }
    }

    /**
     * The time this run was scheduled for: for a recovered run, the time the dead node's run was
     * scheduled for (Quartz keeps it in the recovery trigger's data).
     */
    static Instant slot(JobExecutionContext context) {
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) return Instant.ofEpochMilli(Long.parseLong(original));
        }
        Date scheduled = context.getScheduledFireTime();
        return scheduled == null ? Instant.EPOCH : scheduled.toInstant();
    }

    /** Called on shutdown: the fetch in progress is abandoned, a write in progress completes. */
    @Override
    public void interrupt() {
        Thread t = worker;
        if (t != null) t.interrupt();
    }
}
