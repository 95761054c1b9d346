package org.rundschau.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.rundschau.config.SourceConfig;
import org.rundschau.store.StoreException;

/**
 * Refreshes a list of sources concurrently, so that one slow or hung source does not hold up
 * the others (per-host politeness is the fetcher's job). Outcomes are reported as they finish.
 */
public final class RefreshCycle {
    private final SourceRefresher refresher;
    private final int parallelism;

    public RefreshCycle(SourceRefresher refresher, int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        this.refresher = refresher;
        this.parallelism = parallelism;
    }

    /**
     * @param onEach called on the calling thread for every finished source, in order of completion
     * @return every outcome, in order of completion
     * @throws StoreException when the database fails; the remaining sources are abandoned
     */
    public List<RefreshOutcome> refreshAll(List<SourceConfig> sources, Consumer<RefreshOutcome> onEach)
            throws StoreException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, sources.size())),
                runnable -> {
                    Thread t = new Thread(runnable, "refresh");
                    t.setDaemon(true);
                    return t;
                });
        try {
            CompletionService<RefreshOutcome> done = new ExecutorCompletionService<>(pool);
            List<Future<RefreshOutcome>> futures = new ArrayList<>();
            sources.forEach(source -> futures.add(done.submit(() -> refresher.refreshIfDue(source))));
            List<RefreshOutcome> outcomes = new ArrayList<>(sources.size());
            for (int i = 0; i < sources.size(); i++) {
                RefreshOutcome outcome = unwrap(done.take());
                outcomes.add(outcome);
                onEach.accept(outcome);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RefreshOutcome unwrap(Future<RefreshOutcome> future) throws StoreException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException store) throw store;
            if (e.getCause() instanceof RuntimeException bug) throw bug;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException("unexpected failure while refreshing", e.getCause());
        }
    }
}
