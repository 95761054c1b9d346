package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationTest {
    private static final FileTime PAST = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path out;

    @Test
    void writesEveryDocumentAndSaysWhichChanged() throws IOException {
        Publication.Result result = new Publication().add("feed.atom", bytes("a")).add("region/bayern.atom", bytes("b"))
                .writeTo(out);

        assertThat(result.written()).containsExactlyInAnyOrder("feed.atom", "region/bayern.atom");
        assertThat(result.changed("feed.atom")).isTrue();
        assertThat(Files.readString(out.resolve("region/bayern.atom"))).isEqualTo("b");
    }

    @Test
    void leavesADocumentWithTheSameBytesUntouched() throws IOException {
        new Publication().add("feed.atom", bytes("a")).add("feed.rss", bytes("r")).writeTo(out);
        Files.setLastModifiedTime(out.resolve("feed.atom"), PAST);
        Files.setLastModifiedTime(out.resolve("feed.rss"), PAST);

        Publication.Result result = new Publication().add("feed.atom", bytes("a")).add("feed.rss", bytes("r2")).writeTo(out);

        assertThat(result.written()).containsExactly("feed.rss");
        assertThat(result.changed("feed.atom")).isFalse();
        assertThat(Files.getLastModifiedTime(out.resolve("feed.atom"))).isEqualTo(PAST);
        assertThat(Files.getLastModifiedTime(out.resolve("feed.rss"))).isNotEqualTo(PAST);
    }

    @Test
    void aDocumentAddedOnceIsNeverReplaced() throws IOException {
        assertThat(new Publication().addOnce("archive/1.atom", bytes("first")).writeTo(out).written())
                .containsExactly("archive/1.atom");
        Files.setLastModifiedTime(out.resolve("archive/1.atom"), PAST);

        Publication.Result again = new Publication().addOnce("archive/1.atom", bytes("second")).writeTo(out);

        assertThat(again.written()).isEmpty();
        assertThat(Files.readString(out.resolve("archive/1.atom"))).isEqualTo("first");
        assertThat(Files.getLastModifiedTime(out.resolve("archive/1.atom"))).isEqualTo(PAST);
    }

    @Test
    void pruningRemovesOnlyStaleFilesWithTheSuffix() throws IOException {
        Files.createDirectories(out.resolve("region"));
        Files.writeString(out.resolve("region/alt.atom"), "stale");
        Files.writeString(out.resolve("region/alt.html"), "page of another publisher");
        Files.writeString(out.resolve("region/.bayern.atom.x1.tmp"), "someone's temporary file");
        Files.writeString(out.resolve("stale.atom"), "outside the pruned folder");

        Publication.Result result = new Publication().add("region/bayern.atom", bytes("b"))
                .prune("region", ".atom").prune("source", ".atom").writeTo(out);

        assertThat(result.removed()).containsExactly("region/alt.atom");
        assertThat(out.resolve("region/alt.atom")).doesNotExist();
        assertThat(out.resolve("region/bayern.atom")).exists();
        assertThat(out.resolve("region/alt.html")).exists();
        assertThat(out.resolve("region/.bayern.atom.x1.tmp")).exists();
        assertThat(out.resolve("stale.atom")).exists();
    }

    @Test
    void aKeptFileIsNeitherWrittenNorPruned() throws IOException {
        Files.createDirectories(out.resolve("source"));
        Files.writeString(out.resolve("source/a.atom"), "as it was");
        Files.writeString(out.resolve("source/gone.atom"), "stale");
        Files.setLastModifiedTime(out.resolve("source/a.atom"), PAST);
        Publication publication = new Publication().keep("source/a.atom").add("source/b.atom", bytes("b"))
                .prune("source", ".atom");

        Publication.Result result = publication.writeTo(out);

        assertThat(publication.paths()).containsExactly("source/b.atom", "source/a.atom");
        assertThat(result.written()).containsExactly("source/b.atom");
        assertThat(result.removed()).containsExactly("source/gone.atom");
        assertThat(out.resolve("source/a.atom")).hasContent("as it was");
        assertThat(Files.getLastModifiedTime(out.resolve("source/a.atom"))).isEqualTo(PAST);
        assertThatThrownBy(() -> publication.add("source/a.atom", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> publication.keep("source/b.atom")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../feed.atom", "/etc/passwd", "region/../../x", "region//x.atom", ".hidden", "", "a\\b",
            "region/./x.atom"})
    void refusesPathsThatAreNotPlainAndRelative(String path) {
        assertThatThrownBy(() -> new Publication().add(path, bytes("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTheSamePathTwice() {
        Publication publication = new Publication().add("feed.atom", bytes("a"));

        assertThatThrownBy(() -> publication.addOnce("feed.atom", bytes("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed.atom");
        assertThat(publication.paths()).containsExactly("feed.atom");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
