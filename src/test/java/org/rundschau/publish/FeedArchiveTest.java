package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.rundschau.model.ArchiveLayout;

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
    void aPageIsFullOnceItsLastEntryNumberIsGiven() {
        assertThat(archive.fullPages(ArchiveLayout.of(0))).isZero();
        assertThat(archive.fullPages(ArchiveLayout.of(49))).isZero();
        assertThat(archive.fullPages(ArchiveLayout.of(50))).isEqualTo(1);
        assertThat(archive.fullPages(ArchiveLayout.of(149))).isEqualTo(2);
    }

    @Test
    void pagesAreConsecutiveRangesOfEntryNumbers() {
        ArchiveLayout layout = ArchiveLayout.of(160);

        assertThat(archive.page(1, layout)).isEqualTo(new FeedArchive.Range.ByEntryNumber(0, 50));
        assertThat(archive.page(3, layout)).isEqualTo(new FeedArchive.Range.ByEntryNumber(100, 150));
        assertThat(archive.unarchivedAfter(layout)).isEqualTo(150);
    }

    @Test
    void legacyPagesKeepTheirSequenceRangesAndPagesByEntryNumberFollowThem() {
        FeedArchive small = new FeedArchive(20);
        ArchiveLayout layout = new ArchiveLayout(3, 150, 45);   // pages of 50 items, then entries

        assertThat(small.fullPages(layout)).isEqualTo(3 + 2);
        assertThat(small.page(1, layout)).isEqualTo(new FeedArchive.Range.BySequence(0, 50));
        assertThat(small.page(3, layout)).isEqualTo(new FeedArchive.Range.BySequence(100, 150));
        assertThat(small.page(4, layout)).isEqualTo(new FeedArchive.Range.ByEntryNumber(0, 20));
        assertThat(small.page(5, layout)).isEqualTo(new FeedArchive.Range.ByEntryNumber(20, 40));
        assertThat(small.unarchivedAfter(layout)).isEqualTo(40);
        assertThat(small.unarchivedAfter(new ArchiveLayout(3, 150, 0))).isZero();
    }

    @Test
    void rejectsALayoutWhoseLegacyPagesAreNotEqualRanges() {
        assertThatThrownBy(() -> new ArchiveLayout(3, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveLayout(0, 50, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveLayout(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
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
