package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.model.Item;

class DatabaseTest {

    @TempDir
    Path dir;

    private static final Migration FIRST = new Migration(1, "001-first.sql", "CREATE TABLE a (x INTEGER);");
    private static final Migration SECOND = new Migration(2, "002-second.sql",
            "CREATE TABLE b (y INTEGER);\nINSERT INTO a (x) VALUES (42);\n");

    @Test
    void createsTheFileAndItsParentFolders() throws Exception {
        Path file = dir.resolve("data/nested/rundschau.db");
        try (Database db = Database.open(file)) {
            assertThat(db.file()).contains(file);
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void opensInWalModeWithForeignKeysNormalSyncABusyTimeoutTempStoreInMemoryAndLessFrequentCheckpoints() throws Exception {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "synchronous")).isEqualTo("1");   // NORMAL
            assertThat(Integer.parseInt(pragma(db, "busy_timeout"))).isPositive();
            assertThat(pragma(db, "temp_store")).isEqualTo("2");    // MEMORY
            assertThat(pragma(db, "wal_autocheckpoint")).isEqualTo("10000");
            assertThat(pragma(db, "journal_size_limit")).isEqualTo(String.valueOf(64 << 20));
        }
    }

    @Test
    void appliesEveryShippedMigrationAndRecordsItsVersion() throws Exception {
        int shipped = Migration.fromClasspath().size();
        try (Database db = Database.open(dir.resolve("r.db"))) {
            assertThat(db.read("read version", db::schemaVersion)).isEqualTo(shipped).isPositive();
            assertThat(tables(db)).contains("item", "source_status");
        }
    }

    @Test
    void shippedMigrationsAreNumberedOneToN() {
        List<Migration> migrations = Migration.fromClasspath();
        for (int i = 0; i < migrations.size(); i++) {
            assertThat(migrations.get(i).version()).isEqualTo(i + 1);
            assertThat(migrations.get(i).sql()).isNotBlank();
        }
    }

    @Test
    void reopeningAppliesNothingAgainAndKeepsTheData() throws Exception {
        Path file = dir.resolve("r.db");
        try (Database db = Database.open(file, List.of(FIRST))) {
            db.write("insert", c -> update(c, "INSERT INTO a (x) VALUES (1)"));
        }
        // FIRST would fail with "table a already exists" if it ran again.
        try (Database db = Database.open(file, List.of(FIRST))) {
            assertThat(db.read("read version", db::schemaVersion)).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM a")).isEqualTo(1);
        }
    }

    @Test
    void appliesOnlyTheMigrationsNotYetApplied() throws Exception {
        Path file = dir.resolve("r.db");
        try (Database db = Database.open(file, List.of(FIRST))) {
            assertThat(tables(db)).contains("a").doesNotContain("b");
        }
        try (Database db = Database.open(file, List.of(FIRST, SECOND))) {
            assertThat(db.read("read version", db::schemaVersion)).isEqualTo(2);
            assertThat(tables(db)).contains("a", "b");
            assertThat(count(db, "SELECT COUNT(*) FROM a WHERE x = 42")).isEqualTo(1);
        }
    }

    @Test
    void rollsBackAFailingMigrationEntirely() throws Exception {
        Path file = dir.resolve("r.db");
        Migration broken = new Migration(2, "002-broken.sql", "CREATE TABLE b (y INTEGER);\nINSERT INTO nowhere VALUES (1);");
        assertThatThrownBy(() -> Database.open(file, List.of(FIRST, broken)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store: could not apply schema migration 002-broken.sql")
                .hasMessageContaining("nowhere");
        try (Database db = Database.open(file, List.of(FIRST))) {
            assertThat(db.read("read version", db::schemaVersion)).isEqualTo(1);
            assertThat(tables(db)).contains("a").doesNotContain("b");
        }
    }

    @Test
    void refusesADatabaseWithANewerSchema() throws Exception {
        Path file = dir.resolve("r.db");
        int known = Migration.fromClasspath().size();
        int newer = known + 1;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            update(c, "PRAGMA user_version = " + newer);
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("database schema version " + newer + " is newer than this Rundschau (knows "
                        + known + "): upgrade Rundschau");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).as("left untouched").isEqualTo(newer);
        }
    }

    @Test
    void refusesAFileThatIsNotSqlite() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "this is not a database, just some text that is long enough to fill a header. "
                .repeat(20));
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessage("store: " + file + " is not an SQLite database (Rundschau's store); point `database:` at"
                        + " another file or move it away");
    }

    @Test
    void closeFoldsTheWriteAheadLogIntoTheFile() throws Exception {
        Path file = dir.resolve("r.db");
        try (Database db = Database.open(file)) {
            db.write("insert", c -> update(c, "INSERT INTO source_status (source_id, consecutive_failures, "
                    + "last_error, last_http_status, items_last_success, etag, last_modified, body_hash) "
                    + "VALUES ('s', 0, '', 0, 0, '', '', '')"));
            assertThat(dir.resolve("r.db-wal")).exists();
        }
        assertThat(dir.resolve("r.db-wal")).doesNotExist();
        try (Database db = Database.open(file)) {
            assertThat(count(db, "SELECT COUNT(*) FROM source_status")).isEqualTo(1);
        }
    }

    @Test
    void aClosedDatabaseRefusesWork() throws Exception {
        Database db = Database.open(dir.resolve("r.db"));
        db.close();
        db.close();
        assertThatThrownBy(() -> db.read("read", db::schemaVersion)).isInstanceOf(IllegalStateException.class);
    }

    private static String pragma(Database db, String name) throws StoreException {
        return db.read("read pragma", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static List<String> tables(Database db) throws StoreException {
        return db.read("list tables", c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                return names;
            }
        });
    }

    private static int count(Database db, String sql) throws StoreException {
        return db.read("count", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static Void update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
            return null;
        }
    }

    @Test
    void statementsKeptBetweenUnitsOfWorkHoldNoReadOpen() throws Exception {
        Path file = dir.resolve("r.db");
        Instant t = Instant.parse("2025-02-07T08:00:00Z");
        try (Database db = Database.open(file)) {
            assertThat(db.statements(db.read("get the connection", c -> c)))
                    .isSameAs(db.read("get it again", db::statements));
            ItemStore store = new ItemStore(db, "tag:x.example,2026:");
            String title = "Neue CIO für den Freistaat Sachsen berufen";
            store.save("a", List.of(new Item("a", "k1", "", t, true, "", title, "", false, "https://a.example/1")), t);
            store.save("b", List.of(new Item("b", "k2", "", t, true, "", title, "", false, "https://b.example/2")), t);
            assertThat(store.newest(10)).hasSize(1);
            assertThat(store.provenance("https://b.example/2")).hasSize(1);

            // A kept statement with an open result set would keep a read transaction open, and no
            // connection could checkpoint the WAL to its end (Statements closes what a caller left open).
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = other.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
                assertThat(rs.getInt(1)).as("checkpoint blocked by a reader").isZero();
            }
        }
    }
}
