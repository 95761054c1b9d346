package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimilarityTest {
    private static final double THRESHOLD = 0.8;   // the default dedup.threshold

    private static final String CIO = "Neue CIO für den Freistaat";
    private static final String CIO_TEASER = "Das Sächsische Staatsministerium des Innern hat eine neue Beauftragte "
            + "für Informationstechnologie berufen. Sie tritt ihr Amt am 1. März an und verantwortet die "
            + "Digitalisierung der Landesverwaltung sowie die Umsetzung des Onlinezugangsgesetzes.";

    private static Similarity.Score score(String regionA, String titleA, String summaryA,
                                         String regionB, String titleB, String summaryB) {
        return Similarity.score(Similarity.Text.of(regionA, titleA, summaryA), Similarity.Text.of(regionB, titleB, summaryB));
    }

    @Test
    void theSameStoryWithATeaserCutShorterIsAboveTheThreshold() {
        String cut = "Das Sächsische Staatsministerium des Innern hat eine neue Beauftragte für Informationstechnologie berufen. Sie …";

        Similarity.Score s = score("Sachsen", CIO, CIO_TEASER, "Sachsen", CIO, cut);

        assertThat(s.basis()).isEqualTo(Similarity.Basis.HEADLINE_AND_TEASER);
        assertThat(s.title()).isEqualTo(1.0);
        assertThat(s.summary()).isGreaterThan(0.9);
        assertThat(s.value()).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void headlinesDifferingInCasePunctuationAndUmlautSpellingAreEqual() {
        Similarity.Score s = score("", "OZG-Umsetzung: Länder ziehen Bilanz", "", "",
                "OZG Umsetzung – Laender ziehen Bilanz", "");
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.basis()).isEqualTo(Similarity.Basis.HEADLINE);
    }

    @Test
    void twoStoriesThatShareATopicPrefixAreFarApart() {
        Similarity.Score s = score("", "Digitalisierung: Blick in die Glaskugel",
                "Was bringt das Jahr 2025 für die Verwaltung? Experten wagen eine Prognose zu KI und Cloud.",
                "", "Digitalisierung: Verwaltung setzt auf KI",
                "Immer mehr Kommunen setzen künstliche Intelligenz in der Verwaltung ein, etwa im Bürgerservice.");
        assertThat(s.value()).isLessThan(0.4);
    }

    @Test
    void theSameHeadlineWithADifferentTeaserIsNotEnough() {
        Similarity.Score s = score("", "Digitalisierung: Wochenrückblick", "Die Themen dieser Woche: OZG-Booster, "
                + "Registermodernisierung und ein neues Portal in Hessen.", "", "Digitalisierung: Wochenrückblick",
                "Diesmal geht es um die Cloud-Strategie des Bundes, Open Data in Köln und die Wahlen in Sachsen.");
        assertThat(s.value()).isLessThan(THRESHOLD);
    }

    @Test
    void differentRegionsNeverMatch() {
        Similarity.Score s = score("Sachsen", CIO, CIO_TEASER, "Bayern", CIO, CIO_TEASER);
        assertThat(s.value()).isZero();
        assertThat(s.basis()).isEqualTo(Similarity.Basis.REGIONS_DIFFER);
        assertThat(s.title()).isEqualTo(1.0);
    }

    @Test
    void aMissingRegionOnOneSideDoesNotVeto() {
        assertThat(score("Sachsen", CIO, CIO_TEASER, "", CIO, CIO_TEASER).value()).isEqualTo(1.0);
    }

    @Test
    void aShortHeadlineAloneDecidesNothing() {
        Similarity.Score s = score("", "Pressemitteilung", "", "", "Pressemitteilung", "");
        assertThat(s.value()).isZero();
        assertThat(s.basis()).isEqualTo(Similarity.Basis.HEADLINE_TOO_SHORT);
    }

    @Test
    void theScoreReadsWellForTheAdmin() {
        assertThat(score("", CIO, CIO_TEASER, "", CIO, CIO_TEASER).toString())
                .isEqualTo("1.00 (headline and teaser; headline 1.00, teaser 1.00)");
    }

    // --- stored shingles (item.shingles) ---

    /** The kommune21 fixture's items (region, headline, start of the teaser), and each headline alone. */
    private static List<Similarity.Text> fixtureTexts() throws IOException {
        String tsv;
        try (var in = Objects.requireNonNull(SimilarityTest.class.getResourceAsStream(
                "/fixtures/kommune21/listing-2025-02-07.expected.tsv"))) {
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return tsv.lines().skip(1).map(line -> line.split("\t", -1))
                .flatMap(f -> java.util.stream.Stream.of(Similarity.Text.of(f[1], f[2], f[4]), Similarity.Text.of("", f[2], "")))
                .toList();
    }

    @Test
    void aTextReadBackFromItsStoredShinglesScoresExactlyAsTheTextItself() throws IOException {
        List<Similarity.Text> texts = fixtureTexts();
        assertThat(texts).hasSize(32);
        for (Similarity.Text a : texts) {
            Similarity.Text stored = Similarity.Text.ofFolded(a.region(), a.titleKey(), a.folded()).orElseThrow();
            assertThat(stored.titleWords()).isEqualTo(a.titleWords());
            assertThat(stored.title().hashes()).isEqualTo(a.title().hashes());
            assertThat(stored.summary().hashes()).isEqualTo(a.summary().hashes());
            for (Similarity.Text b : texts) {
                assertThat(Similarity.score(b, stored)).isEqualTo(Similarity.score(b, a));
            }
        }
    }

    @Test
    void storedShinglesThatAreMissingDamagedOrOfAnotherVersionAreNotUsed() {
        Similarity.Text text = Similarity.Text.of("Sachsen", CIO, CIO_TEASER);
        byte[] good = text.folded();
        byte[] otherVersion = good.clone();
        otherVersion[0] = (byte) (Similarity.FOLDED_VERSION + 1);
        byte[] cut = Arrays.copyOf(good, good.length - 3);
        byte[] longer = Arrays.copyOf(good, good.length + 8);
        byte[] unsorted = good.clone();
        // swap the first two headline hashes (after version byte, word count and set size)
        System.arraycopy(good, 9, unsorted, 17, 8);
        System.arraycopy(good, 17, unsorted, 9, 8);

        assertThat(Similarity.Text.ofFolded("Sachsen", text.titleKey(), good)).isPresent();
        for (byte[] bad : List.of(new byte[0], otherVersion, cut, longer, unsorted, new byte[] {Similarity.FOLDED_VERSION})) {
            assertThat(Similarity.Text.ofFolded("Sachsen", text.titleKey(), bad)).isEqualTo(Optional.empty());
        }
        assertThat(Similarity.Text.ofFolded("Sachsen", text.titleKey(), null)).isEmpty();
        assertThat(Similarity.Text.ofFolded("Sachsen", null, good)).isEmpty();
    }
}
