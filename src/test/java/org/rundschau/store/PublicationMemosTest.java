package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestStore.Backend.class)
class PublicationMemosTest {
    @Parameter
    TestStore.Backend backend;
    TestStore stores;
    Database db;

    @TempDir
    Path dir;

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
    void aMemoIsGivenBackToItsBuildForItsFolderAndSurvivesReopening() throws Exception {
        new PublicationMemos(db, "1.0 jar 100 5").save("/srv/feeds", new byte[] {1, 2, 3});
        db.close();
        Database reopened = stores.open("rundschau.db");

        assertThat(new PublicationMemos(reopened, "1.0 jar 100 5").load("/srv/feeds")).hasValue(new byte[] {1, 2, 3});
        assertThat(new PublicationMemos(reopened, "1.0 jar 100 6").load("/srv/feeds")).as("another build").isEmpty();
        assertThat(new PublicationMemos(reopened, "1.0 jar 100 5").load("/srv/other")).as("another folder").isEmpty();
    }

    @Test
    void savingAgainReplacesTheFoldersMemoWhicheverBuildMadeIt() throws Exception {
        PublicationMemos older = new PublicationMemos(db, "old");
        PublicationMemos newer = new PublicationMemos(db, "new");
        older.save("/srv/feeds", new byte[] {1});
        older.save("/srv/other", new byte[] {9});
        newer.save("/srv/feeds", new byte[] {2, 2});

        assertThat(newer.load("/srv/feeds")).hasValue(new byte[] {2, 2});
        assertThat(older.load("/srv/feeds")).isEmpty();
        assertThat(older.load("/srv/other")).hasValue(new byte[] {9});
    }
}
