package org.rundschau.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rundschau.model.Item;
import org.rundschau.store.StoreException;
import org.rundschau.store.StoreResult;

/**
 * The dedup lookup: one fetch's 20 items saved against a store of 1,000 and of 100,000 items.
 * {@code knownItems}: all 20 are stored already (the identity lookup finds each, nothing changes);
 * {@code newItems}: 20 items never seen (the lookup misses, they are inserted). Written against
 * {@code ItemStore.save} as it is before the near-duplicate lookup (issue 4) is merged: re-run
 * after the merge, since that lookup is what this benchmark is for.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@State(Scope.Benchmark)
public class ItemStoreBenchmark {
    static final int BATCH = 20;

    @Param({"1000", "100000"})
    public int stored;

    private StoredItems items;
    private List<Item> known;
    private int next;

    @Setup(Level.Trial)
    public void fill() throws IOException, StoreException {
        items = StoredItems.filled(stored);
        known = new ArrayList<>();
        // 20 items of one source spread over the whole store, as a fetch of an old listing might be
        int perSource = stored / StoredItems.SOURCES;
        for (int k = 0; k < BATCH; k++) known.add(StoredItems.item(7 + StoredItems.SOURCES * (k * perSource / BATCH)));
    }

    /** New items go away after each iteration, so the store keeps its size. */
    @TearDown(Level.Iteration)
    public void forgetNewItems() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + items.folder().resolve("rundschau.db"))) {
            c.createStatement().executeUpdate("DELETE FROM item WHERE source_id = 'new-items'");
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        items.close();
    }

    @Benchmark
    public StoreResult knownItems() throws StoreException {
        return items.store().save(known.get(0).sourceId(), known, StoredItems.NEWEST);
    }

    @Benchmark
    public StoreResult newItems() throws StoreException {
        List<Item> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Item template = StoredItems.item(i);
            batch.add(new Item("new-items", "new-" + next++, "", template.published(), true, template.region(),
                    template.title() + " neu", template.summary(), false, template.link() + "?neu"));
        }
        return items.store().save("new-items", batch, StoredItems.NEWEST);
    }
}
