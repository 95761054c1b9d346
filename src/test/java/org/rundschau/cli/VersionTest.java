package org.rundschau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionTest {
    @TempDir
    Path dir;

    @Test
    void twoJarsOfTheSameSizeAndTimeAreTwoBuilds() throws Exception {
        Path a = jar("a.jar", "class A { int x = 1; }");
        Path b = jar("b.jar", "class A { int x = 2; }");
        assertThat(Files.size(a)).isEqualTo(Files.size(b));
        FileTime fixed = FileTime.fromMillis(1000);   // as Jib, Nix or cp -p leave them
        Files.setLastModifiedTime(a, fixed);
        Files.setLastModifiedTime(b, fixed);

        assertThat(Version.build(a)).isPresent();
        assertThat(Version.build(a)).isNotEqualTo(Version.build(b));
        assertThat(Version.build(a)).isEqualTo(Version.build(Files.copy(a, dir.resolve("copy.jar"))));
        assertThat(Version.build(a).orElseThrow()).contains("java " + Runtime.version());
    }

    /** A jar holding one entry with {@code content}. */
    private Path jar(String name, String content) throws Exception {
        Path jar = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            ZipEntry entry = new ZipEntry("org/example/A.class");
            entry.setTime(1000);
            out.putNextEntry(entry);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void codeRunFromAClassesFolderOrAFileThatIsNoJarHasNoBuild() throws Exception {
        assertThat(Version.build(dir)).isEmpty();
        assertThat(Version.build(Files.writeString(dir.resolve("broken.jar"), "PK not really"))).isEmpty();
        assertThat(Version.build(dir.resolve("missing.jar"))).isEmpty();
        assertThat(Version.build()).as("the tests run from target/classes").isEmpty();
    }
}
