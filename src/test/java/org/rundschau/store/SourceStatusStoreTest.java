package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;

@ParameterizedClass(name = "{0}")
@EnumSource(TestStore.Backend.class)
class SourceStatusStoreTest {

    @Parameter
    TestStore.Backend backend;
    TestStore stores;

    private static final Instant T0 = Instant.parse("2025-02-07T08:00:00.123Z");
    private static final Instant T1 = Instant.parse("2025-02-07T08:30:00.456Z");

    @TempDir
    Path dir;
    Database db;
    SourceStatusStore statuses;

    @BeforeEach
    void open() throws StoreException {
        stores = new TestStore(backend, dir);
        db = stores.open("rundschau.db");
        statuses = new SourceStatusStore(db);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void anUnknownSourceHasNeverBeenSeen() throws StoreException {
        assertThat(statuses.load("kommune21")).isEqualTo(SourceStatus.never("kommune21"));
        assertThat(statuses.all()).isEmpty();
    }

    @Test
    void roundTripsEveryField() throws StoreException {
        SourceStatus status = new SourceStatus("kommune21", T1, T0, 2, "fetch: HTTP 503", 503, 20,
                new Validators("W/\"abc\"", "Fri, 07 Feb 2025 08:00:00 GMT"), "9f86d081", "5e884898",
                T1.plusSeconds(3600));

        assertThat(statuses.save(status)).isSameAs(status);

        assertThat(statuses.load("kommune21")).isEqualTo(status);
    }

    @Test
    void keepsAbsentTimesAbsent() throws StoreException {
        SourceStatus failedFirstTime = SourceStatus.never("kommune21").failed(T0, 0, "fetch: connection refused", null);

        statuses.save(failedFirstTime);

        SourceStatus loaded = statuses.load("kommune21");
        assertThat(loaded).isEqualTo(failedFirstTime);
        assertThat(loaded.lastSuccess()).isNull();
        assertThat(loaded.lastAttempt()).isEqualTo(T0);
    }

    @Test
    void saveReplacesTheStoredStatus() throws StoreException {
        SourceStatus failed = SourceStatus.never("kommune21").failed(T0, 500, "fetch: HTTP 500", T1);
        statuses.save(failed);

        SourceStatus recovered = failed.succeeded(T1, 200, 12, new Validators("\"e1\"", ""), "hash", "r");
        statuses.save(recovered);

        assertThat(statuses.load("kommune21")).isEqualTo(recovered);
        assertThat(statuses.all()).containsExactly(recovered);
    }

    @Test
    void allListsEverySavedSourceById() throws StoreException {
        SourceStatus z = SourceStatus.never("zeitung").failed(T0, 404, "fetch: HTTP 404", null);
        SourceStatus k = SourceStatus.never("kommune21").succeeded(T0, 200, 3, Validators.NONE, "", "r");
        statuses.save(z);
        statuses.save(k);

        assertThat(statuses.all()).containsExactly(k, z);
    }

    @Test
    void survivesReopeningTheDatabase() throws StoreException {
        SourceStatus status = SourceStatus.never("kommune21").succeeded(T0, 200, 3, new Validators("\"e\"", ""), "h", "r");
        statuses.save(status);
        db.close();

        db = stores.open("rundschau.db");
        assertThat(new SourceStatusStore(db).load("kommune21")).isEqualTo(status);
    }
}
