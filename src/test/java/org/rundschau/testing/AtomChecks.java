package org.rundschau.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the external Atom validators on written files: Debian's {@code jing} for the RELAX NG grammar
 * of RFC 4287 and {@code xmllint} for its Schematron rules (schemas in src/test/resources/publish/schema).
 * A missing tool fails the test: a skipped validation would let an invalid feed through CI.
 */
public final class AtomChecks {
    private static final Path JING = Path.of("/usr/bin/jing");
    private static final Path XMLLINT = Path.of("/usr/bin/xmllint");
    // Debian's jing start script names optional jars it cannot find; that is not about the document.
    private static final Pattern LAUNCHER_WARNING =
            Pattern.compile("(?m)^\\[warning\\] \\S+: Unable to locate \\S+ in /usr/share/java\\R");

    /** What a validator said: its exit code and everything it printed. */
    public record Outcome(int exitCode, String output) {
        public boolean passed() {
            return exitCode == 0;
        }
    }

    private AtomChecks() {
    }

    /** {@code jing -c atom.rnc files...}: exit code 0 and no output when every file is valid. */
    public static Outcome relaxNg(Path... files) {
        require(JING, "install Debian's jing (apt-get install jing)");
        List<String> command = new ArrayList<>(List.of(JING.toString(), "-c", schema("atom.rnc").toString()));
        files(command, files);
        return run(command);
    }

    /** {@code xmllint --noout --schematron atom.sch files...}: exit code 0 and "validates" per file. */
    public static Outcome schematron(Path... files) {
        require(XMLLINT, "install Debian's libxml2-utils (apt-get install libxml2-utils)");
        List<String> command = new ArrayList<>(
                List.of(XMLLINT.toString(), "--noout", "--schematron", schema("atom.sch").toString()));
        files(command, files);
        return run(command);
    }

    /** Fails the test unless {@code file} passes both the RFC 4287 grammar and its Schematron rules. */
    public static void assertValid(Path file) {
        Outcome grammar = relaxNg(file);
        assertThat(grammar.passed()).as("jing: %s", grammar.output()).isTrue();
        assertThat(grammar.output()).isEmpty();
        Outcome rules = schematron(file);
        assertThat(rules.passed()).as("xmllint --schematron: %s", rules.output()).isTrue();
        assertThat(rules.output()).contains(file + " validates").doesNotContain("fails");
    }

    /** Like {@link #assertValid} for many files, with one run of each validator. */
    public static void assertAllValid(List<Path> files) {
        assertThat(files).isNotEmpty();
        Path[] all = files.toArray(Path[]::new);
        Outcome grammar = relaxNg(all);
        assertThat(grammar.passed()).as("jing: %s", grammar.output()).isTrue();
        assertThat(grammar.output()).isEmpty();
        Outcome rules = schematron(all);
        assertThat(rules.passed()).as("xmllint --schematron: %s", rules.output()).isTrue();
        assertThat(rules.output()).doesNotContain("fails");
        for (Path file : files) {
            assertThat(rules.output()).contains(file + " validates");
        }
    }

    private static void files(List<String> command, Path... files) {
        for (Path file : files) {
            command.add(file.toString());
        }
    }

    private static void require(Path tool, String advice) {
        if (!Files.isExecutable(tool)) {
            fail(tool + " is missing: " + advice);
        }
    }

    private static Path schema(String name) {
        URL url = AtomChecks.class.getResource("/publish/schema/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource publish/schema/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource publish/schema/" + name + " has no file path", e);
        }
    }

    private static Outcome run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("validator did not finish: " + command);
            }
            return new Outcome(process.exitValue(), LAUNCHER_WARNING.matcher(output).replaceAll(""));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
