package org.rundschau.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.SourceConfig;

class ConfigWatcherTest {
    static final String CONFIG = """
            feed: {title: T, id: "tag:t.example.org,2026:f"}
            sources:
            %s
            """;

    @TempDir
    Path dir;

    @Test
    void handsOnAnEditThatLoadsAndKeepsTheLastGoodConfigOnErrors() throws Exception {
        Path file = dir.resolve("rundschau.yaml");
        Files.writeString(file, CONFIG.formatted("  - {id: a, url: \"https://a.example/feed.xml\"}"));
        List<AppConfig> applied = new ArrayList<>();
        try (ConfigWatcher watcher = new ConfigWatcher(file, applied::add)) {
            watcher.check();
            assertThat(applied).as("nothing changed yet").isEmpty();

            Files.writeString(file, CONFIG.formatted("""
                      - {id: a, url: "https://a.example/feed.xml"}
                      - {id: b, url: "https://b.example/feed.xml"}"""));
            watcher.check();
            assertThat(applied).hasSize(1);
            assertThat(applied.get(0).sources()).extracting(SourceConfig::id).containsExactly("a", "b");

            Files.writeString(file, CONFIG.formatted("  - {id: B!, url: nowhere}"));
            watcher.check();
            assertThat(applied).as("a broken edit is refused").hasSize(1);

            watcher.check();
            assertThat(applied).as("the same broken file is not reported again and again").hasSize(1);
        }
    }
}
