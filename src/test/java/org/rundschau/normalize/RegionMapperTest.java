package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionMapperTest {
    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final RegionMapper REGIONS = new RegionMapper(GAZETTEER, Map.of());

    @Test
    void bundledGazetteerHasEveryLandAndKreisAndNoNameTwice() {
        assertThat(GAZETTEER.places()).filteredOn(p -> p.kind() == Place.Kind.LAND).hasSize(16);
        assertThat(GAZETTEER.places()).filteredOn(p -> p.kind() == Place.Kind.KREIS).hasSize(294);
        assertThat(GAZETTEER.places()).filteredOn(p -> p.kind() == Place.Kind.STADT).hasSizeGreaterThan(900);
        assertThat(GAZETTEER.places()).filteredOn(p -> p.kind() == Place.Kind.COUNTRY).hasSizeGreaterThan(240);
        // the constructor above would have thrown on a name that means two places
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "NRW;Nordrhein-Westfalen", "Nordrhein-Westfalen;Nordrhein-Westfalen", "nordrhein westfalen;Nordrhein-Westfalen",
        "NW;Nordrhein-Westfalen", "BW;Baden-Württemberg", "BaWü;Baden-Württemberg", "baden-wuerttemberg;Baden-Württemberg",
        "RLP;Rheinland-Pfalz", "RP;Rheinland-Pfalz", "MV;Mecklenburg-Vorpommern", "M-V;Mecklenburg-Vorpommern",
        "LSA;Sachsen-Anhalt", "ST;Sachsen-Anhalt", "SH;Schleswig-Holstein", "BY;Bayern", "BE;Berlin", "HH;Hamburg",
        "HB;Bremen", "HE;Hessen", "NI;Niedersachsen", "SN;Sachsen", "TH;Thüringen", "Thueringen;Thüringen",
        "SL;Saarland", "BB;Brandenburg", "Freistaat Sachsen;Sachsen", "Freistaat Bayern;Bayern",
        "Freie und Hansestadt Hamburg;Hamburg", "Land Brandenburg;Brandenburg", "  SACHSEN-ANHALT ;Sachsen-Anhalt",
    })
    void resolvesLaenderAndTheirShortForms(String name, String canonical) {
        assertThat(REGIONS.canonical(name)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Kreis Recklinghausen;Kreis Recklinghausen", "Landkreis Recklinghausen;Kreis Recklinghausen",
        "Recklinghausen;Recklinghausen", "Stadt Recklinghausen;Recklinghausen",
        "Landkreis Rostock;Landkreis Rostock", "Rostock;Rostock", "Hansestadt Rostock;Rostock",
        "Landkreis München;Landkreis München", "Kreis München;Landkreis München", "Landeshauptstadt München;München",
        "Munich;München", "Lkr. Hof;Landkreis Hof", "LK Hof;Landkreis Hof", "Stadt Hof;Hof",
        "Rhein-Sieg-Kreis;Rhein-Sieg-Kreis", "Rhein Sieg Kreis;Rhein-Sieg-Kreis", "Region Hannover;Region Hannover",
        "Hannover;Hannover", "Städteregion Aachen;Städteregion Aachen", "Emsland;Landkreis Emsland",
        "Landkreis Mühldorf a.Inn;Landkreis Mühldorf am Inn", "Halle (Saale);Halle (Saale)", "Halle/Saale;Halle (Saale)",
        "Halle;Halle (Saale)", "Frankfurt;Frankfurt am Main", "Frankfurt (Oder);Frankfurt (Oder)",
        "Frankfurt/Oder;Frankfurt (Oder)", "Freiburg;Freiburg im Breisgau", "Köln;Köln", "Koeln;Köln", "Cologne;Köln",
        "Wolfsburg;Wolfsburg", "Stadthagen;Stadthagen", "Stadt Hagen;Hagen", "Lutherstadt Wittenberg;Lutherstadt Wittenberg",
        "Wittenberg;Lutherstadt Wittenberg", "Landkreis Wittenberg;Landkreis Wittenberg", "Brandenburg an der Havel;Brandenburg an der Havel",
        "Friedberg (Hessen);Friedberg (Hessen)", "Gießen;Gießen", "Giessen;Gießen", "Region Stuttgart;Stuttgart",
        "Wolgast;Wolgast", "Weilburg;Weilburg", "Bad Camberg;Bad Camberg", "Eichstätt;Eichstätt",
        "Landkreis Eichstätt;Landkreis Eichstätt", "Münster;Münster", "Münster (Hessen);Münster (Hessen)",
        "Winsen;Winsen (Luhe)", "Oelsnitz (Vogtlandkreis);Oelsnitz (Vogtlandkreis)",
    })
    void resolvesKreiseAndTownsInTheirUsualForms(String name, String canonical) {
        assertThat(REGIONS.canonical(name)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Frankreich;Frankreich", "France;Frankreich", "Österreich;Österreich", "Austria;Österreich",
        "Oesterreich;Österreich", "Schweiz;Schweiz", "Switzerland;Schweiz", "USA;USA", "United States;USA",
        "Vereinigte Staaten;USA", "Großbritannien;Großbritannien", "UK;Großbritannien", "Niederlande;Niederlande",
        "Netherlands;Niederlande", "Wien;Wien", "Vienna;Wien", "Brüssel;Brüssel", "Brussels;Brüssel",
        "Mailand;Mailand", "Milan;Mailand", "Moskau;Moskau", "Moscow;Moskau", "Paris;Paris", "London;London",
        "New York;New York City", "Washington;Washington", "Zürich;Zürich", "Zurich;Zürich", "Genf;Genf",
        "Geneva;Genf", "Tirol;Tirol", "Kanton Bern;Kanton Bern", "Bern;Bern", "Luxemburg;Luxemburg",
        "Luxembourg;Luxemburg", "Tokyo;Tokio", "Peking;Peking", "Beijing;Peking",
    })
    void resolvesCountriesAndWorldCitiesInGermanAndEnglish(String name, String canonical) {
        assertThat(REGIONS.canonical(name)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OZG", "Vitako", "IT-Planungsrat", "Digitalisierung", "Digitale Bildung",
        "Deutscher Landkreistag", "Scharf", "Merz", "Neustadt", "Friedberg", "", "   ", "Kreis", "Stadt"})
    void unknownOrAmbiguousNamesHaveNoCanonicalForm(String name) {
        assertThat(REGIONS.canonical(name)).isEmpty();
    }

    static Stream<Arguments> kommune21Titles() {
        return Stream.of(
                Arguments.of("Sachsen: Neue CIO für den Freistaat", "Sachsen", "Neue CIO für den Freistaat"),
                Arguments.of("Kreis Recklinghausen: Info-Plattform zum Smart-City-Ansatz", "Kreis Recklinghausen",
                        "Info-Plattform zum Smart-City-Ansatz"),
                Arguments.of("Bayern: Einheitlicher kommunaler IT-Dienstleister geplant", "Bayern",
                        "Einheitlicher kommunaler IT-Dienstleister geplant"),
                Arguments.of("Hamburg: Neue Digitalstrategie vorgestellt", "Hamburg", "Neue Digitalstrategie vorgestellt"),
                Arguments.of("Wolfsburg: Neuer smarter Geschäftsbereich", "Wolfsburg", "Neuer smarter Geschäftsbereich"),
                Arguments.of("Saarland: Digitalisierungsoffensive für Kommunen wird konkreter", "Saarland",
                        "Digitalisierungsoffensive für Kommunen wird konkreter"),
                Arguments.of("Hessen: Kommunale Verwaltungsdigitalisierung wird gestärkt", "Hessen",
                        "Kommunale Verwaltungsdigitalisierung wird gestärkt"),
                Arguments.of("Brandenburg: OZG-Umsetzung auf Kurs", "Brandenburg", "OZG-Umsetzung auf Kurs"),
                Arguments.of("OZG: „Aufenthalt“ erreicht alle Milestones", null, null),
                Arguments.of("Vitako: 10-Punkte-Plan zur Digitalisierung", null, null),
                Arguments.of("IT-Planungsrat: Kommunen im Fokus", null, null),
                Arguments.of("Digitalisierung: Blick in die Glaskugel", null, null),
                Arguments.of("Digitalisierung: IT-Budgets zusammenziehen", null, null),
                Arguments.of("Digitale Bildung: Dem DigitalPakt 2.0 einen Schritt näher", null, null),
                Arguments.of("Deutscher Landkreistag: Aufgabenbündelung ja, Verfassungsänderung nein", null, null));
    }

    @ParameterizedTest
    @MethodSource("kommune21Titles")
    void takesRegionPrefixesOfKommune21HeadlinesButNotTopics(String title, String region, String rest) {
        Optional<RegionMapper.TitleRegion> found = REGIONS.fromTitle(title);
        if (region == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).contains(new RegionMapper.TitleRegion(region, rest));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scharf: Wir brauchen mehr Tempo", "Merz: Keine neuen Schulden",
        "Updated Debian 11: 11.3 released", "Hof: Wie der Bauernhof digital wird", "Roth: Kultur braucht Geld",
        "Lage: Angespannt", "Wetter: Sturm zieht auf", "BW: Neue Panzer bestellt", "HE: Lorem ipsum",
        "Nice: a small library", "Reading: notes on Kafka", "„Bayern“: Zitat des Tages", "Ask HN: Anyone in Vienna?",
        "Sachsen:Neue CIO", "Sachsen:", "Friedberg: Stadtrat tagt", "Steirische Neuwahlen: Schützenhöfers riskanter Poker",
        "Lauterbach: Die Welle rollt", "Alpen: Gletscher schmelzen schneller", "Stein: Ein Stein des Anstoßes",
        "Oelsnitz: Stadtrat tagt"})
    void neverTakesPeopleTopicsWordsOrAmbiguousNamesFromATitle(String title) {
        assertThat(REGIONS.fromTitle(title)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Stadt Hof: Neues Rathausportal;Hof;Neues Rathausportal",
        "Landkreis Roth: Breitband kommt;Landkreis Roth;Breitband kommt",
        "NRW – Corona-Tests dürfen nur noch 24 Stunden alt sein;Nordrhein-Westfalen;Corona-Tests dürfen nur noch 24 Stunden alt sein",
        "Bayern - Neue Förderung;Bayern;Neue Förderung",
        "Wien | Neue Stadtregierung;Wien;Neue Stadtregierung",
        "Österreich: Neue Regierung;Österreich;Neue Regierung",
        "France: New law on data;Frankreich;New law on data",
        "Essen: Ruhrbahn testet KI;Essen;Ruhrbahn testet KI",
        "Wolgast: Peenebrücke wird saniert;Wolgast;Peenebrücke wird saniert",
        "Stadt Lauterbach: Neues Bürgerbüro;Lauterbach;Neues Bürgerbüro",
        "Landeshauptstadt Düsseldorf: Neues Portal;Düsseldorf;Neues Portal",
        "Freistaat Thüringen: Neue E-Akte;Thüringen;Neue E-Akte",
        "Brüssel: EU-Kommission legt Entwurf vor;Brüssel;EU-Kommission legt Entwurf vor",
        "Berlin: Hamburg - neue Bahnstrecke;Berlin;Hamburg - neue Bahnstrecke",
    })
    void takesKnownPlacesInEverySeparatorStyle(String title, String region, String rest) {
        assertThat(REGIONS.fromTitle(title)).contains(new RegionMapper.TitleRegion(region, rest));
    }

    @Test
    void theFirstColonDecidesSoADashBeforeItIsPartOfThePrefix() {
        assertThat(REGIONS.fromTitle("Berlin - Hamburg: Neue Bahnstrecke")).isEmpty();
    }

    @Test
    void stopListedNamesStillResolveWhenGivenExplicitly() {
        assertThat(REGIONS.canonical("Hof")).contains("Hof");
        assertThat(REGIONS.canonical("BW")).contains("Baden-Württemberg");
    }

    @Test
    void adminRegionsAddNamesAndAreTrustedInTitles() {
        RegionMapper withExtras = new RegionMapper(GAZETTEER, Map.of(
                "Metropolregion Rhein-Neckar", List.of("MRN", "Rhein-Neckar"),
                "Hof", List.of()));
        assertThat(withExtras.canonical("mrn")).contains("Metropolregion Rhein-Neckar");
        assertThat(withExtras.fromTitle("MRN: Gemeinsames Portal"))
                .contains(new RegionMapper.TitleRegion("Metropolregion Rhein-Neckar", "Gemeinsames Portal"));
        assertThat(withExtras.fromTitle("Hof: Neues Rathausportal"))
                .contains(new RegionMapper.TitleRegion("Hof", "Neues Rathausportal"));
        assertThat(withExtras.canonical("Sachsen")).contains("Sachsen");
    }

    @Test
    void refusesAGazetteerThatGivesOneNameTwoPlaces() {
        Gazetteer broken = new Gazetteer(List.of(
                new Place("Halle (Saale)", Place.Kind.STADT, "Sachsen-Anhalt", List.of("Halle")),
                new Place("Halle (Westf.)", Place.Kind.STADT, "Nordrhein-Westfalen", List.of("Halle"))), List.of());
        assertThatThrownBy(() -> new RegionMapper(broken, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Halle' names both");
    }

    @Test
    void refusesAMalformedGazetteerLineAndQuotesIt() {
        assertThatThrownBy(() -> Gazetteer.parsePlaces(List.of("# comment", "Sachsen\tland\tSachsen"), "test.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.tsv:2").hasMessageContaining("Sachsen\tland\tSachsen");
        assertThatThrownBy(() -> Gazetteer.parsePlaces(List.of("Sachsen\tbundesland\tSachsen\t"), "test.tsv"))
                .hasMessageContaining("unknown kind 'bundesland'");
    }

    @Test
    void keyIgnoresCaseAccentsUmlautSpellingHyphensAndSpacing() {
        assertThat(RegionMapper.key(" Baden-Württemberg ")).isEqualTo("baden wuerttemberg");
        assertThat(RegionMapper.key("BADEN WUERTTEMBERG")).isEqualTo("baden wuerttemberg");
        assertThat(RegionMapper.key("Halle (Saale)")).isEqualTo(RegionMapper.key("Halle/Saale"));
        assertThat(RegionMapper.key("Bogotá")).isEqualTo("bogota");
        assertThat(RegionMapper.key("Straße")).isEqualTo("strasse");
        assertThat(RegionMapper.key("Stadt Hagen")).isNotEqualTo(RegionMapper.key("Stadthagen"));
    }

    static Stream<Arguments> corpusTitles() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String file : List.of("at-derstandard-inland", "de-echte-demokratie-jetzt-blog",
                "de-handwerksblatt-coronaschutz", "en-gohugo-news", "en-hacker-news", "en-schneier-blog")) {
            String json = resource("/normalize/" + file + ".expected.json");
            String items = json.substring(json.indexOf("\"items\""));
            Matcher item = Pattern.compile(
                    "\"title\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\".*?\"region\":\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")",
                    Pattern.DOTALL).matcher(items);
            while (item.find()) {
                cases.add(Arguments.of(file, unescape(item.group(1)), item.group(3) == null ? null : unescape(item.group(3))));
            }
        }
        assertThat(cases).hasSize(157);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpusTitles")
    void findsExactlyTheRegionsTheCorpusLabels(String file, String title, String label) {
        Optional<String> region = REGIONS.fromTitle(title).map(RegionMapper.TitleRegion::region);
        if (label == null) {
            assertThat(region).isEmpty();
        } else {
            assertThat(region).isEqualTo(REGIONS.canonical(label));
            assertThat(region).isPresent();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(RegionMapperTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String unescape(String json) {
        Matcher m = Pattern.compile("\\\\(u[0-9a-fA-F]{4}|.)").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String repl = switch (e.charAt(0)) {
                case 'u' -> String.valueOf((char) Integer.parseInt(e.substring(1), 16));
                case 'n' -> "\n";
                case 't' -> "\t";
                default -> e;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(repl));
        }
        return m.appendTail(out).toString();
    }
}
