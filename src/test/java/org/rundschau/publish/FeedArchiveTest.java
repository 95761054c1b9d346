package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedArchiveTest {
    private final FeedArchive archive = new FeedArchive(50);

    @TempDir
    Path out;

    @Test
    void aPageIsFullOnceItsLastNumberIsStored() {
        assertThat(archive.fullPages(0)).isZero();
        assertThat(archive.fullPages(49)).isZero();
        assertThat(archive.fullPages(50)).isEqualTo(1);
        assertThat(archive.fullPages(149)).isEqualTo(2);
    }

    @Test
    void pagesAreConsecutiveRangesOfSequenceNumbers() {
        assertThat(archive.firstAfter(1)).isZero();
        assertThat(archive.last(1)).isEqualTo(50);
        assertThat(archive.firstAfter(3)).isEqualTo(100);
        assertThat(archive.last(3)).isEqualTo(150);
        assertThat(archive.unarchivedAfter(3)).isEqualTo(150);
    }

    @Test
    void missingPagesAreTheFullOnesWithoutAFile() throws IOException {
        Files.createDirectories(out.resolve("archive"));
        Files.writeString(out.resolve("archive/2.atom"), "written before");

        assertThat(archive.missingPages(out, 3)).containsExactly(1, 3);
        assertThat(archive.missingPages(out, 0)).isEmpty();
    }

    @Test
    void rejectsAPageSizeBelowOne() {
        assertThatThrownBy(() -> new FeedArchive(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
