package org.rundschau.schedule;

import java.util.function.Function;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.rundschau.config.SourceConfig;
import org.rundschau.refresh.RefreshOutcome;
import org.rundschau.refresh.SourceRefresher;
import org.rundschau.store.StoreException;

/**
 * Refreshes one source (the job's name is the source id) and asks for a publication after every
 * fetch: besides new items, the page shows each source's health. Quartz never runs two instances of
 * one source's job at once.
 */
@DisallowConcurrentExecution
final class RefreshJob implements InterruptableJob {
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

    /** Called on shutdown: the fetch in progress is abandoned, a write in progress completes. */
    @Override
    public void interrupt() {
        Thread t = worker;
        if (t != null) t.interrupt();
    }
}
