package org.rundschau.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an Atom document the way a strict consumer would: Debian's {@code jing} against the
 * RFC 4287 RELAX NG grammar, {@code xmllint} against its Schematron rules. Both tools are
 * installed by {@code .ci/run}; a test fails with a clear message when they are missing.
 */
public final class AtomValidator {
    private AtomValidator() {
    }

    public static void assertValid(Path atomFile) throws IOException, InterruptedException {
        Path schema = schemaFolder();
        Result jing = run("jing", "-c", schema.resolve("atom.rnc").toString(), atomFile.toString());
        assertThat(jing.code).as("jing (RFC 4287 grammar) on %s:%n%s", atomFile, jing.output).isZero();
        Result schematron = run("xmllint", "--noout", "--schematron", schema.resolve("atom.sch").toString(),
                atomFile.toString());
        assertThat(schematron.code).as("xmllint --schematron on %s:%n%s", atomFile, schematron.output).isZero();
    }

    private record Result(int code, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process process;
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("'" + command[0] + "' is not installed: run `apt-get install jing libxml2-utils` (as .ci/run does)");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static Path schemaFolder() {
        try {
            var url = AtomValidator.class.getClassLoader().getResource("schema/atom.rnc");
            assertThat(url).as("test resource schema/atom.rnc").isNotNull();
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
