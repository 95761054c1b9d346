package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}
