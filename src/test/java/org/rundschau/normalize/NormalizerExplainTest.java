package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.RawItem;
import org.rundschau.normalize.Normalizer.DateOrigin;
import org.rundschau.normalize.Normalizer.Explanation;
import org.rundschau.normalize.Normalizer.RegionOrigin;

/** {@code explain}: the same item as {@code normalize}, and where its date and region came from (for check). */
class NormalizerExplainTest {
    private static final Instant FETCHED = Instant.parse("2025-02-08T09:00:00Z");
    private final Normalizer normalizer = new Normalizer(RegionMapper.bundled(Map.of()));

    private static SourceConfig source(String region) {
        return new SourceConfig("k21", "K21", URI.create("https://www.kommune21.de/"), SourceKind.FEED, region,
                ZoneId.of("Europe/Berlin"), Locale.GERMAN, Schedule.parse("every 30m"), null);
    }

    private Explanation explain(RawItem raw, String sourceRegion) {
        return normalizer.explain(raw, source(sourceRegion), "de", FETCHED).orElseThrow();
    }

    private static RawItem raw(String title, String date, String summary, String region) {
        return new RawItem("", title, "https://www.kommune21.de/a", date, summary, false, region);
    }

    @Test
    void theItemIsWhatNormalizeMakes() {
        RawItem raw = raw("Sachsen: Neue CIO", "", "[07.02.2025] Daniela Dylakiewicz ist neue CIO.", "");
        assertThat(explain(raw, "").item()).isEqualTo(normalizer.normalize(raw, source(""), "de", FETCHED).orElseThrow());
    }

    @Test
    void regionFromTheSelectorTheTitlePrefixTheSourceOrNowhere() {
        assertThat(explain(raw("Neue CIO", "", "", "Sachsen"), "").regionFrom()).isEqualTo(RegionOrigin.SELECTOR);
        assertThat(explain(raw("Sachsen: Neue CIO", "", "", ""), "Bayern").regionFrom()).isEqualTo(RegionOrigin.TITLE_PREFIX);
        assertThat(explain(raw("OZG: Neue CIO", "", "", ""), "Bayern").regionFrom()).isEqualTo(RegionOrigin.SOURCE_DEFAULT);
        assertThat(explain(raw("OZG: Neue CIO", "", "", ""), "").regionFrom()).isEqualTo(RegionOrigin.NONE);
    }

    @Test
    void dateFromTheFieldWithItsFormatOrFromTheTeaserStamp() {
        Explanation field = explain(raw("Neue CIO", "07.02.2025 14:30", "", ""), "");
        assertThat(field.dateFrom()).isEqualTo(DateOrigin.FIELD);
        assertThat(field.dateFormat()).isEqualTo(new DateParser(ZoneId.of("Europe/Berlin"), Locale.GERMAN)
                .parse("07.02.2025 14:30", FETCHED).orElseThrow().format());

        Explanation stamp = explain(raw("Neue CIO", "", "[07.02.2025] Daniela Dylakiewicz ist neue CIO.", ""), "");
        assertThat(stamp.dateFrom()).isEqualTo(DateOrigin.SUMMARY_STAMP);
        assertThat(stamp.dateFormat()).isNotEmpty();
    }

    @Test
    void anUnreadableDateIsNone() {
        Explanation none = explain(raw("Neue CIO", "November 2021", "", ""), "");
        assertThat(none.dateFrom()).isEqualTo(DateOrigin.NONE);
        assertThat(none.dateFormat()).isEmpty();
        assertThat(none.item().dated()).isFalse();
    }
}
