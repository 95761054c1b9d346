package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as an admin uses it: help, usage errors, check. */
class CliTest {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fixtures/kommune21/listing-2025-02-07.html")) {
            site.stubFor(get(urlEqualTo("/")).willReturn(aResponse()
                    .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(in.readAllBytes())));
        }
        site.stubFor(get(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404)));
        config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed: {title: "T", id: "tag:t.example.org,2026:feed"}
                output: %1$s/public
                database: %1$s/data/t.db
                fetch: {host-gap: 0}
                sources:
                  - id: kommune21
                    url: %2$s/
                    html: {item: "article", title: "h2, h3", link: "h2 a[href], h3 a[href]", summary: "p", region: ".kicker"}
                  - id: missing
                    url: %2$s/missing
                """.formatted(dir, site.baseUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"once", "validate", "check", "suggest", "import-opml"})
    void everyCommandHasHelp(String command) {
        CommandRun run = run(command, "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: rundschau " + command).contains("--config=FILE");
    }

    @Test
    void theCommandListGivesEachCommandAWholeSentence() {
        CommandRun run = run("--help");
        assertThat(run.code()).isZero();
        String list = run.out().substring(run.out().indexOf("Commands:\n") + "Commands:\n".length());
        list = list.substring(0, list.indexOf("\n\n"));
        // A command's line starts two spaces in; its description may wrap onto lines indented further.
        Map<String, String> descriptions = new LinkedHashMap<>();
        String command = null;
        for (String line : list.split("\n")) {
            if (line.matches("  \\S.*")) {
                String[] parts = line.strip().split("\\s+", 2);
                command = parts[0];
                descriptions.put(command, parts.length > 1 ? parts[1] : "");
            } else {
                descriptions.merge(command, " " + line.strip(), String::concat);
            }
        }
        assertThat(descriptions.keySet()).contains("once", "run", "serve", "check", "suggest", "import-opml", "why");
        descriptions.forEach((name, description) ->
                assertThat(description).as("description of %s", name).endsWith("."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "serve", "check", "suggest", "import-opml", "status", "why"})
    void subcommandHelpHasNoLineBrokenMidSentence(String command) {
        // Description lines start at column 0, synopsis continuations and options are indented. picocli
        // fills each line nearly to the width; a short one without a full stop was broken by hand.
        run(command, "--help").out().lines().skip(1).filter(line -> !line.isEmpty() && !line.startsWith(" "))
                .forEach(line -> assertThat(line.length() >= 60 || line.matches(".*[.:)]$"))
                        .as("help of %s: line cut mid-sentence: %s", command, line).isTrue());
    }

    @Test
    void theExitCodeFooterIsWrappedByPicocli() {
        String help = run("--help").out();
        String footer = help.substring(help.indexOf("Exit codes:"));
        List<String> lines = footer.lines().toList();
        // picocli fills every line but the last nearly to the width; a short one was broken by hand.
        lines.subList(0, lines.size() - 1).forEach(line -> assertThat(line).hasSizeGreaterThan(60));
        assertThat(String.join(" ", lines)).contains(", 4 another Rundschau process").endsWith("locked.");
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        CommandRun run = run();
        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Usage: rundschau").contains("once").contains("validate");
    }

    @Test
    void aNegativeLockWaitIsAUsageError() {
        CommandRun once = run("once", "--lock-wait", "-5", "--config", config.toString());
        // Without the check, run would start and not return: give up on it instead of hanging the build.
        CommandRun running = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("run", "--lock-wait", "-5", "--config", config.toString()));

        assertThat(once.code()).isEqualTo(ExitCode.USAGE);
        assertThat(once.err()).contains("--lock-wait must not be negative: -5");
        assertThat(running.code()).isEqualTo(ExitCode.USAGE);
        assertThat(running.err()).contains("--lock-wait must not be negative: -5");
        assertThat(dir.resolve("data")).as("nothing was done").doesNotExist();
    }

    @Test
    void aNegativeStartupSpreadIsAUsageError() {
        CommandRun running = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("run", "--startup-spread", "-1", "--config", config.toString()));

        assertThat(running.code()).isEqualTo(ExitCode.USAGE);
        assertThat(running.err()).contains("--startup-spread must not be negative: -1");
        assertThat(dir.resolve("data")).as("nothing was done").doesNotExist();
    }

    @Test
    void unknownOptionExitsTwo() {
        assertThat(run("once", "--frobnicate").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void checkPrintsWhatWouldBePublishedAndStoresNothing() {
        CommandRun run = run("check", "kommune21", "--config", config.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Neue CIO für den Freistaat").contains("Sachsen")
                .contains("Kreis Recklinghausen").contains("2025-02-07 00:00")
                .contains("16 items extracted").contains("15 with a date");
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("public")).doesNotExist();
    }

    @Test
    void checkOfAFailingSourceSaysWhyAndExitsOne() {
        CommandRun run = run("check", "missing", "--config", config.toString());
        assertThat(run.code()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(run.err()).contains("missing: HTTP 404").contains("open it in a browser and copy the URL again");
    }

    @Test
    void checkOfAnUnknownSourceNamesTheKnownOnes() {
        CommandRun run = run("check", "nope", "--config", config.toString());
        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no source 'nope'").contains("kommune21, missing");
    }

    @Test
    void aConfigThatIsAFolderSaysSo() {
        CommandRun run = run("validate", "--config", dir.toString());
        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(dir + ": cannot read: is a folder, not a file").doesNotContain("Is a directory");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedSaysWhyInWords() throws IOException {
        Files.writeString(dir.resolve("plain"), "a file where the output folder's parent should be");
        Files.writeString(config, Files.readString(config).replace(dir + "/public", dir + "/plain/public"));

        CommandRun run = run("once", "--config", config.toString());

        assertThat(run.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(run.err()).contains("publish: could not write to " + dir + "/plain/public: a folder on its path is a file")
                .contains("config key `output`");
    }

    @Test
    void aDatabaseFileThatIsNotSqliteSaysSoAndWhatToDo() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/t.db"), "not a database, but long enough to have a header. ".repeat(4));

        CommandRun run = run("once", "--config", config.toString());

        assertThat(run.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(run.err()).contains(dir.resolve("data/t.db") + " is not an SQLite database (Rundschau's store);"
                + " point `database:` at another file or move it away").doesNotContain("SQLITE_NOTADB");
    }

    @Test
    void aMissingConfigSaysWhereItWasLookedForAndWhatToDo() {
        CommandRun relative = run("suggest", "https://example.org/", "--config", "no-such-folder/rundschau.yaml");
        CommandRun absolute = run("validate", "--config", dir.resolve("nope.yaml").toString());

        assertThat(relative.code()).isEqualTo(ExitCode.USAGE);
        assertThat(relative.err()).contains("no-such-folder/rundschau.yaml: cannot read: no such file\n")
                .contains("from the current folder (" + Path.of("").toAbsolutePath() + "): run it in the folder that"
                        + " holds no-such-folder/, or give --config FILE.")
                .doesNotContain("problem in the configuration");
        assertThat(absolute.code()).isEqualTo(ExitCode.USAGE);
        assertThat(absolute.err()).contains("nope.yaml: cannot read: no such file\nCheck the path given to --config.");
    }

    @Test
    void verboseIsTakenBeforeTheCommandToo() {
        CommandRun before = run("-v", "validate", "--config", config.toString());
        CommandRun after = run("validate", "--verbose", "--config", config.toString());

        assertThat(before.code()).as(before.err()).isZero();
        assertThat(after.code()).as(after.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"before", "after"})
    void verboseShowsTheStackTraceOfABrokenDatabaseAndWithoutItNoneIsShown(String where) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/t.db"), "not a database, but long enough to have a header. ".repeat(4));

        CommandRun verbose = where.equals("before") ? run("-v", "once", "--config", config.toString())
                : run("once", "-v", "--config", config.toString());
        CommandRun quiet = run("once", "--config", config.toString());

        assertThat(verbose.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(verbose.err()).contains("is not an SQLite database").contains("\tat org.rundschau.store.Database")
                .contains("Caused by: org.sqlite.SQLiteException");
        assertThat(quiet.code()).isEqualTo(ExitCode.INTERNAL);
        assertThat(quiet.err()).contains("is not an SQLite database").doesNotContain("\tat ");
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
