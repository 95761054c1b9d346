package org.rundschau.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code database:} as a SQLite file or a PostgreSQL URL, with credentials and cluster settings. */
class DatabaseConfigTest {
    private static final Path FILE = Path.of("config/rundschau.yaml");
    private static final String FEED = """
            feed:
              title: T
              id: "tag:example.org,2026:feed"
            sources:
              - id: a
                url: https://example.org/feed.xml
            """;

    private static AppConfig parse(String top, Map<String, String> environment) throws ConfigException {
        return ConfigLoader.parse(FILE, top + FEED, environment);
    }

    @Test
    void aPathIsASqliteFile() throws ConfigException {
        assertThat(parse("database: /var/lib/rundschau/r.db\n", Map.of()).database())
                .isEqualTo(new DatabaseConfig.Sqlite(Path.of("/var/lib/rundschau/r.db")));
    }

    @Test
    void aPostgresUrlTakesCredentialsFromTheConfigFirst() throws ConfigException {
        AppConfig config = parse("""
                database: jdbc:postgresql://db.internal:5432/rundschau
                database-user: news
                database-password: s3cret
                cluster:
                  check-in: 2s
                """, Map.of(ConfigLoader.USER_VARIABLE, "other", ConfigLoader.PASSWORD_VARIABLE, "other"));

        assertThat(config.database()).isEqualTo(new DatabaseConfig.Postgres("jdbc:postgresql://db.internal:5432/rundschau",
                Optional.of("news"), Optional.of("s3cret"), new DatabaseConfig.ClusterConfig(Duration.ofSeconds(2))));
        assertThat(config.database().toString()).doesNotContain("s3cret");
    }

    @Test
    void withoutThemFromTheEnvironment() throws ConfigException {
        AppConfig config = parse("database: jdbc:postgresql://db.internal/rundschau\n",
                Map.of(ConfigLoader.USER_VARIABLE, "news", ConfigLoader.PASSWORD_VARIABLE, "from-env"));

        DatabaseConfig.Postgres postgres = (DatabaseConfig.Postgres) config.database();
        assertThat(postgres.user()).contains("news");
        assertThat(postgres.password()).contains("from-env");
        assertThat(postgres.cluster()).isEqualTo(DatabaseConfig.ClusterConfig.DEFAULTS);
    }

    @Test
    void withoutEitherTheDriverDecides() throws ConfigException {
        DatabaseConfig.Postgres postgres = (DatabaseConfig.Postgres) parse(
                "database: jdbc:postgresql://db.internal/rundschau?user=news\n", Map.of()).database();
        assertThat(postgres.user()).isEmpty();
        assertThat(postgres.password()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            "database: jdbc:mysql://h/db"                      => 1: database: 'jdbc:mysql://h/db' is not supported; give a file path for SQLite or a URL starting with jdbc:postgresql://HOST:PORT/NAME for PostgreSQL
            "database: jdbc:postgresql://h/db?password=x"      => 1: database: the URL must not carry the password; use database-password or $RUNDSCHAU_DATABASE_PASSWORD
            "database: r.db\\ndatabase-user: news"             => 2: database-user: only for a PostgreSQL database (database: jdbc:postgresql://...); 'r.db' is a SQLite file
            "cluster: {check-in: 2s}"                          => 1: cluster: only for a PostgreSQL database (database: jdbc:postgresql://...); 'data/rundschau.db' is a SQLite file
            "database: jdbc:postgresql://h/db\\ncluster: {check-in: 10ms}" => 2: cluster.check-in: must be at least 100ms
            "database: jdbc:postgresql://h/db\\ncluster: {checkin: 1s}"    => 2: cluster: unknown key 'checkin'; did you mean 'check-in'?
            """)
    void mistakesNameTheLineAndKey(String top, String problem) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> parse(top.replace("\\n", "\n") + "\n", Map.of()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly(FILE + ":" + problem);
    }
}
