package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionSlugsTest {
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
            Baden-Württemberg               => baden-wuerttemberg
            Thüringen                       => thueringen
            Köln                            => koeln
            KÖLN                            => koeln
            Straße der Einheit              => strasse-der-einheit
            GROẞE KREISSTADT                => grosse-kreisstadt
            Kreis Recklinghausen            => kreis-recklinghausen
            '  Bayern  '                    => bayern
            Rhein-Sieg-Kreis                => rhein-sieg-kreis
            Île-de-France                   => ile-de-france
            Łódź                            => lodz
            São Paulo                       => sao-paulo
            Zürich (Kanton)                 => zuerich-kanton
            Frankfurt/Main                  => frankfurt-main
            ../../etc/passwd                => etc-passwd
            '<script>alert(1)</script>'     => script-alert-1-script
            Landkreis   Görlitz -- Nord     => landkreis-goerlitz-nord
            Region 2030                     => region-2030
            """)
    void makesAFileNameFromARegionName(String region, String slug) {
        assertThat(RegionSlugs.of(region)).isEqualTo(slug);
    }

    @Test
    void decomposedUmlautsGiveTheSameSlugAsComposedOnes() {
        assertThat(RegionSlugs.of("Ko\u0308ln")).isEqualTo("koeln");
    }

    @Test
    void controlCharactersAndLineBreaksBecomeSeparators() {
        assertThat(RegionSlugs.of("Bayern\u0000\n\tOst\u001B[0m")).isEqualTo("bayern-ost-0m");
    }

    @Test
    void aNameWithoutLatinLettersOrDigitsGetsAHashFallback() {
        assertThat(RegionSlugs.of("東京")).matches("region-[0-9a-f]{8}");
        assertThat(RegionSlugs.of("!!!")).matches("region-[0-9a-f]{8}");
        assertThat(RegionSlugs.of("東京")).isNotEqualTo(RegionSlugs.of("大阪"));
        assertThat(RegionSlugs.of("東京")).isEqualTo(RegionSlugs.of("東京"));
    }

    @Test
    void aLongNameIsCutAtAHyphen() {
        String slug = RegionSlugs.of("Verbandsgemeinde " + "Sehr Langer Ortsname ".repeat(10));

        assertThat(slug).hasSizeLessThanOrEqualTo(RegionSlugs.MAX_LENGTH).matches(SLUG)
                .startsWith("verbandsgemeinde-sehr-langer-ortsname-").endsWith("ortsname");
    }

    @Test
    void anyTextAtAllGivesOnlyLowerCaseLettersDigitsAndInnerHyphens() {
        SplittableRandom random = new SplittableRandom(20250207);
        for (int i = 0; i < 2_000; i++) {
            String text = randomText(random);
            assertThat(RegionSlugs.of(text)).as("slug of %s", text).matches(SLUG)
                    .hasSizeLessThanOrEqualTo(RegionSlugs.MAX_LENGTH);
        }
    }

    @Test
    void twoRegionsWithOneSlugAreToldApartAndTheEarlierKeepsIt() {
        RegionSlugs slugs = RegionSlugs.assign(List.of("Köln", "Bayern", "KÖLN", "Koeln"));

        assertThat(slugs.slug("Köln")).contains("koeln");
        assertThat(slugs.slug("Bayern")).contains("bayern");
        assertThat(slugs.slug("KÖLN").orElseThrow()).matches("koeln-[0-9a-f]{8}");
        assertThat(slugs.slug("Koeln").orElseThrow()).matches("koeln-[0-9a-f]{8}");
        assertThat(slugs.all().values()).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).matches(SLUG));
        assertThat(slugs.all().keySet()).containsExactly("Köln", "Bayern", "KÖLN", "Koeln");
    }

    @Test
    void slugsDoNotChangeWhenLaterRegionsAppear() {
        RegionSlugs before = RegionSlugs.assign(List.of("Köln", "KÖLN"));
        RegionSlugs after = RegionSlugs.assign(List.of("Köln", "KÖLN", "köln", "Sachsen"));

        assertThat(after.slug("Köln")).isEqualTo(before.slug("Köln"));
        assertThat(after.slug("KÖLN")).isEqualTo(before.slug("KÖLN"));
        assertThat(RegionSlugs.assign(List.of("Köln", "KÖLN")).all()).isEqualTo(before.all());
    }

    @Test
    void aRegionNamedLikeAnotherRegionsSuffixedSlugStillGetsItsOwn() {
        String suffixed = RegionSlugs.assign(List.of("Köln", "KÖLN")).slug("KÖLN").orElseThrow();

        RegionSlugs slugs = RegionSlugs.assign(List.of("Köln", suffixed, "KÖLN"));

        assertThat(slugs.slug(suffixed)).contains(suffixed);
        assertThat(slugs.slug("KÖLN").orElseThrow()).isNotEqualTo(suffixed).matches(SLUG);
        assertThat(slugs.all().values()).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownRegionHasNoSlug() {
        assertThat(RegionSlugs.assign(List.of("Bayern")).slug("Hessen")).isEmpty();
    }

    @Test
    void rejectsBlankAndRepeatedNames() {
        assertThatThrownBy(() -> RegionSlugs.assign(List.of("Bayern", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> RegionSlugs.assign(List.of("Bayern", "Bayern")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bayern");
    }

    private static String randomText(SplittableRandom random) {
        int length = random.nextInt(0, 90);
        List<Integer> codePoints = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            codePoints.add(switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20, 0x7F);          // ASCII
                case 1 -> random.nextInt(0x00, 0x20);          // controls
                case 2 -> random.nextInt(0xC0, 0x250);         // Latin-1 and Latin Extended
                case 3 -> random.nextInt(0x300, 0x370);        // combining marks
                default -> random.nextInt(0x370, 0x10FFFF);    // anything, surrogates included
            });
        }
        StringBuilder text = new StringBuilder("x".repeat(random.nextInt(2)));
        codePoints.forEach(cp -> text.appendCodePoint(cp));
        return text.toString();
    }
}
