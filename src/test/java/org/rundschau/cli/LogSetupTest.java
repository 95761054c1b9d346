package org.rundschau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated   // swaps System.err: no other test may write to it meanwhile
class LogSetupTest {
    /** A line as {@link LogSetup#PATTERN} writes it. */
    private static final String LINE = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]{4,5} +\\S+ - .*";

    @TempDir
    Path dir;

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogSetup.class);
    }

    @Test
    void aNamedOrBundledLogbackFileWins() {
        ClassLoader bare = new URLClassLoader(new URL[0], null);
        assertThat(LogSetup.explicitConfiguration(null, bare)).isFalse();
        assertThat(LogSetup.explicitConfiguration("/etc/rundschau/logback.xml", bare)).isTrue();
        // The test class path holds logback-test.xml, which Logback itself prefers.
        assertThat(LogSetup.explicitConfiguration(null, getClass().getClassLoader())).isTrue();
    }

    @Test
    void ownLogsFromInfoLibrariesFromWarnAllOnStderr() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());   // as Logback's service provider does
        PrintStream originalErr = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            LogSetup.apply(context);
            context.getLogger("org.rundschau.refresh.SourceRefresher").info("refreshed {}", "a");
            context.getLogger("org.rundschau.refresh.SourceRefresher").debug("not shown");
            context.getLogger("org.quartz.core.QuartzScheduler").info("not shown either");
            context.getLogger("org.jsoup.Jsoup").warn("a library's warning");
        } finally {
            System.setErr(originalErr);
            context.stop();
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2).allMatch(line -> line.matches(LINE));
        assertThat(lines.get(0)).contains(" INFO  SourceRefresher - refreshed a");
        assertThat(lines.get(1)).contains(" WARN  Jsoup - a library's warning");
    }

    /**
     * The shipped jar has no logback file: a process on the main class path (without the test
     * resources) logs through {@link LogSetup}, to stderr only, and {@code --verbose} still works.
     */
    @Test
    void aProcessWithoutALogbackFileLogsToStderrOnly() throws Exception {
        Path config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed:
                  title: "T"
                  id: "tag:example.org,2026:logs"
                fetch:
                  host-gap: 0
                output: %s
                database: %s
                sources:
                  - id: refused
                    url: http://127.0.0.1:9/feed.xml
                """.formatted(dir.resolve("public"), dir.resolve("r.db")));
        String mainClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", mainClassPath, "org.rundschau.Main", "once", "--verbose", "--config", config.toString()));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(out)).contains("1 failed: refused").doesNotContain("DEBUG");
        List<String> logged = Files.readAllLines(err);
        assertThat(logged).isNotEmpty().allMatch(line -> line.matches(LINE), "a log line")
                .anyMatch(line -> line.contains(" INFO  SourceRefresher - source=refused failed: connection refused"))
                .anyMatch(line -> line.contains(" DEBUG Republisher - publish:"));
    }
}
