package org.rundschau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.ConfigLoader;
import org.rundschau.config.SourceConfig;

/** {@code import-opml}: new feeds appended as sources, known ones skipped, the rest of the file byte for byte. */
class ImportOpmlCommandTest {
    private static final String CONFIG = """
            # Our sources. Reference: docs/configuration.md
            feed:
              title: "T"
              id: "tag:t.example.org,2026:feed"

            sources:
              # eGovernment: RSS 2.0
              - id: egovernment
                url: https://www.egovernment.de/rss/news.xml

              - id: kommune21            # scraped
                url: https://www.kommune21.de/
                html: {item: "article", title: "h2", link: "h2 a"}

            # regions:
            #   "Rhein-Neckar": []
            """;
    private static final String OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Export</title></head>
              <body>
                <outline text="Verwaltung">
                  <outline type="rss" text="eGovernment" xmlUrl="https://www.egovernment.de/rss/news.xml?utm_source=opml"/>
                  <outline type="rss" text="Behörden Spiegel" xmlUrl="https://www.behoerden-spiegel.de/feed/"/>
                  <outline type="rss" text="Kommune21" title="Kommune21" xmlUrl="https://www.kommune21.de/rss.xml"/>
                  <outline type="rss" text="Behörden Spiegel (again)" xmlUrl="https://www.behoerden-spiegel.de/feed/"/>
                </outline>
              </body>
            </opml>
            """;

    @TempDir
    Path dir;
    Path config;
    Path opml;

    @BeforeEach
    void write() throws IOException {
        config = dir.resolve("rundschau.yaml");
        opml = dir.resolve("export.opml");
        Files.writeString(config, CONFIG);
        Files.writeString(opml, OPML);
    }

    @Test
    void addsTheNewFeedsAfterTheLastSourceAndKeepsEveryOtherLine() throws Exception {
        CommandRun run = importOpml();

        assertThat(run.code()).as(run.err()).isZero();
        String text = Files.readString(config);
        int insertedAt = CONFIG.indexOf("\n# regions:");
        assertThat(text).startsWith(CONFIG.substring(0, insertedAt)).endsWith(CONFIG.substring(insertedAt));
        String inserted = text.substring(insertedAt, text.length() - (CONFIG.length() - insertedAt));
        assertThat(inserted.replaceAll("\\d{4}-\\d\\d-\\d\\d", "DAY")).isEqualTo("""

                  # imported from export.opml on DAY
                  - id: behoerden-spiegel
                    name: "Behörden Spiegel"
                    url: https://www.behoerden-spiegel.de/feed/
                  - id: kommune21-2
                    name: "Kommune21"
                    url: https://www.kommune21.de/rss.xml
                """);
        AppConfig loaded = ConfigLoader.load(config);
        assertThat(loaded.sources()).extracting(SourceConfig::id)
                .containsExactly("egovernment", "kommune21", "behoerden-spiegel", "kommune21-2");
        assertThat(run.out()).contains("skipped 'eGovernment'").contains("already configured as source 'egovernment'")
                .contains("skipped 'Behörden Spiegel (again)'").contains("listed twice")
                .contains("Added 2 sources to " + config);
    }

    @Test
    void aSecondImportAddsNothingAndLeavesTheFileAlone() throws Exception {
        importOpml();
        String once = Files.readString(config);

        CommandRun again = importOpml();

        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Nothing to add");
        assertThat(Files.readString(config)).isEqualTo(once);
    }

    @Test
    void dryRunPrintsTheEntriesAndWritesNothing() throws Exception {
        CommandRun run = importOpml("--dry-run");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("- id: behoerden-spiegel").contains("nothing written");
        assertThat(Files.readString(config)).isEqualTo(CONFIG);
    }

    @Test
    void aFileThatIsNotOpmlIsRefusedAndTheConfigIsUntouched() throws Exception {
        Files.writeString(opml, "<html><body>not opml</body></html>");

        CommandRun run = importOpml();

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(opml + ": not an OPML file");
        assertThat(Files.readString(config)).isEqualTo(CONFIG);
    }

    @Test
    void aMissingOpmlFileIsNoSuchFileNotARawPath() {
        opml = dir.resolve("nonexistent.opml");

        CommandRun run = importOpml();

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo(opml + ": cannot read: no such file\n");
    }

    @Test
    void aFlowStyleSourcesListIsRefusedWithAHintAndTheConfigIsUntouched() throws Exception {
        String flow = "feed: {title: T, id: \"tag:t.example.org,2026:f\"}\nsources: [{id: a, url: \"https://a.example.org/\"}]\n";
        Files.writeString(config, flow);

        CommandRun run = importOpml();

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("flow list").contains("nothing was written");
        assertThat(Files.readString(config)).isEqualTo(flow);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder(List.of("rundschau.yaml", "export.opml").toArray(String[]::new));
    }

    private CommandRun importOpml(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "import-opml";
        args[1] = opml.toString();
        args[2] = "--config";
        args[3] = config.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CommandRun.of(args);
    }
}
