package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.rundschau.config.DedupConfig;

/**
 * The search for a new item's candidates seeks its headline buckets in the bucket table's key, also
 * while the planner knows nothing of the table: in a new database, before any ANALYZE, and inside
 * the one transaction of a large save, whose rows no ANALYZE of another session can see. Before
 * migration 011 PostgreSQL read every bucket row of the item's weeks instead, and each item of a
 * large save cost more than the one before (2,000 new items in one save: 17 s). Checked on the
 * plan, not on a time; the statistics a large save refreshes are {@link PostgresDatabaseTest}'s.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestStore.Backend.class)
class QueryPlanTest {
    private static final Instant T0 = Instant.parse("2025-02-07T08:00:00Z");
    private static final int ROWS = 5_000;
    /** PostgreSQL's "Index Scan using lsh_bucket_pkey on lsh_bucket", SQLite's "SEARCH lsh_bucket USING ...". */
    private static final Pattern SCAN = Pattern.compile("(\\bon|SEARCH|SCAN) lsh_bucket\\b");

    @Parameter
    TestStore.Backend backend;
    @TempDir
    Path dir;
    TestStore stores;
    Database db;

    @BeforeEach
    void open() throws StoreException {
        stores = new TestStore(backend, dir);
        db = stores.open("rundschau.db");
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void seeksTheBucketsOfATableWithoutStatistics() throws StoreException {
        long[] buckets = MinHash.buckets(Shingles.of("Sachsen: Neue CIO für den Freistaat"));
        StoryMatcher.Query query = StoryMatcher.candidateQuery(buckets, "kommune21", T0, DedupConfig.DEFAULTS.window());

        List<String> plan = db.write("explain the candidate search", c -> {
            // Bucket rows of other items in the same days, as a large first fetch writes them.
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO lsh_bucket (week, bucket, published, item_seq, source_id) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    Instant published = T0.minusSeconds(i);
                    insert.setLong(1, StoryMatcher.week(published));
                    insert.setLong(2, i);
                    insert.setLong(3, published.toEpochMilli());
                    insert.setLong(4, i + 1);
                    insert.setString(5, "egovernment");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String explain = backend == TestStore.Backend.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
            List<String> lines = new ArrayList<>();
            try (Statements st = new Statements(c); ResultSet rs = st.query(explain + query.sql(), query.values())) {
                while (rs.next()) lines.add(rs.getString(backend == TestStore.Backend.SQLITE ? "detail" : "QUERY PLAN"));
            }
            return lines;
        });

        assertThat(bucketTableAccess(plan))
                .as("how the plan reads lsh_bucket, in:%n%s", String.join("\n", plan))
                .containsPattern(backend == TestStore.Backend.SQLITE ? "bucket=\\?" : "\\bbucket = ANY")
                .doesNotContain("Seq Scan").doesNotContain("SCAN lsh_bucket");
    }

    /** The plan's line that reads the bucket table, and on PostgreSQL the index condition after it. */
    private static String bucketTableAccess(List<String> plan) {
        for (int i = 0; i < plan.size(); i++) {
            if (!SCAN.matcher(plan.get(i)).find()) continue;
            StringBuilder access = new StringBuilder(plan.get(i));
            for (int j = i + 1; j < plan.size() && !plan.get(j).contains("->"); j++) {
                if (plan.get(j).contains("Index Cond")) access.append('\n').append(plan.get(j));
            }
            return access.toString();
        }
        return "";
    }
}
