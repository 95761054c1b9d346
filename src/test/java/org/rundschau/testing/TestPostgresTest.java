package org.rundschau.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void givesEachCallerItsOwnWritableDatabaseAndDropsIt() throws Exception {
        TestPostgres.assumeAvailable();
        String first = TestPostgres.freshDatabase();
        String second = TestPostgres.freshDatabase();
        try {
            assertThat(first).startsWith("jdbc:postgresql://").isNotEqualTo(second);
            assertThat(currentDatabase(first)).isNotEqualTo(currentDatabase(second));
            assertThat(writeAndCount(first, "a")).isEqualTo(1);
            assertThat(writeAndCount(first, "b")).isEqualTo(2);
            assertThat(writeAndCount(second, "c")).as("the second database starts empty").isEqualTo(1);

            TestPostgres.drop(first);

            assertThatThrownBy(() -> DriverManager.getConnection(first).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not exist");
            assertThat(writeAndCount(second, "d")).as("the other database is untouched").isEqualTo(2);
        } finally {
            TestPostgres.drop(first);
            TestPostgres.drop(second);
        }
    }

    private static String currentDatabase(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_database()")) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }

    /** Inserts {@code value} into table {@code t} (made if missing); returns the table's row count. */
    private static int writeAndCount(String url, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (v TEXT NOT NULL)");
            s.execute("INSERT INTO t (v) VALUES ('" + value + "')");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
                assertThat(r.next()).isTrue();
                return r.getInt(1);
            }
        }
    }
}
