package org.rundschau.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs every row of the hand-labelled corpus {@code normalize/dates.tsv} (see its README) through
 * {@link DateParser}, with the row's language as locale and its zone assumption as zone.
 *
 * <ul>
 * <li>Rows with an expected date must give that instant (a date-only label is midnight in the zone)
 *     and say {@code hasTime} exactly when the label has a time; at least 98% must.
 * <li>Rows without an expected date must give nothing: not one may invent a date.
 * <li>Relative rows whose capture time is unknown ("vor 2 Wochen") cannot be checked against a
 *     value; they must give a {@code relative} date within a year before the fixed reference.
 * </ul>
 * Rows whose string carries its own offset are parsed in the language's usual zone, which differs
 * from that offset, so they also show that a written offset wins.
 */
class DateCorpusTest {

    private static final String CORPUS = "/normalize/dates.tsv";
    private static final Instant FIXED_REFERENCE = Instant.parse("2024-06-01T10:00:00Z");
    private static final double REQUIRED_SCORE = 0.98;
    private static final Map<String, ZoneId> ZONE_BY_LANGUAGE = Map.of(
            "de", ZoneId.of("Europe/Berlin"), "de-AT", ZoneId.of("Europe/Vienna"),
            "de-CH", ZoneId.of("Europe/Zurich"), "en-US", ZoneId.of("America/New_York"),
            "en-IN", ZoneId.of("Asia/Kolkata"), "it", ZoneId.of("Europe/Rome"));

    private record Row(int line, String raw, String lang, String expectedDate, String expectedTime,
                       String expectedIso, String tzAssumption, String reference) {

        ZoneId zone() {
            String first = tzAssumption.split(" ", 2)[0];
            return first.matches("[A-Z][A-Za-z_]+/[A-Za-z_/]+") ? ZoneId.of(first) : ZONE_BY_LANGUAGE.getOrDefault(lang, ZoneOffset.UTC);
        }

        Locale locale() {
            return Locale.forLanguageTag(lang);
        }

        boolean labelled() {
            return !expectedDate.isEmpty();
        }

        boolean relativeWithUnknownCapture() {
            return reference.startsWith("capture time");
        }

        Instant referenceInstant() {
            return reference.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? LocalDate.parse(reference).atTime(LocalTime.NOON).atZone(zone()).toInstant()
                    : FIXED_REFERENCE;
        }

        Instant expectedInstant() {
            if (expectedIso.length() == 10) {
                return LocalDate.parse(expectedIso).atStartOfDay(zone()).toInstant();
            }
            if (expectedIso.matches(".*(Z|[+-]\\d{2}:\\d{2})$")) {
                return OffsetDateTime.parse(expectedIso).toInstant();
            }
            return LocalDateTime.parse(expectedIso).atZone(zone()).toInstant();
        }

        @Override
        public String toString() {
            return "line " + line + " [" + raw + "] (" + lang + ", " + zone() + ")";
        }
    }

    @Test
    void readsAtLeast98PercentOfLabelledDatesAndInventsNone() throws IOException {
        List<Row> rows = load();
        List<String> failures = new ArrayList<>();
        int labelled = 0;
        int correct = 0;
        int inventedOrMissed = 0;
        for (Row row : rows) {
            Optional<ParsedDate> parsed = new DateParser(row.zone(), row.locale()).parse(row.raw(), row.referenceInstant());
            Optional<String> problem = row.labelled() ? checkLabelled(row, parsed)
                    : row.relativeWithUnknownCapture() ? checkRelative(parsed) : checkNoDate(parsed);
            if (row.labelled()) {
                labelled++;
                correct += problem.isEmpty() ? 1 : 0;
            } else if (problem.isPresent()) {
                inventedOrMissed++;
            }
            problem.ifPresent(p -> failures.add(row + ": " + p));
        }
        double score = (double) correct / labelled;
        System.out.printf("DateCorpusTest: %d rows, %d/%d labelled dates correct (%.1f%%), %d unlabelled rows wrong%n",
                rows.size(), correct, labelled, 100 * score, inventedOrMissed);
        failures.forEach(f -> System.out.println("  FAIL " + f));

        assertThat(labelled).as("labelled rows in the corpus").isGreaterThan(40);
        assertThat(score).as("share of labelled dates read correctly; failures:%n%s", String.join("\n", failures))
                .isGreaterThanOrEqualTo(REQUIRED_SCORE);
        assertThat(inventedOrMissed).as("no-date rows that gave a date, or relative rows that gave none:%n%s",
                String.join("\n", failures)).isZero();
    }

    private static Optional<String> checkLabelled(Row row, Optional<ParsedDate> parsed) {
        Instant expected = row.expectedInstant();
        boolean expectTime = !row.expectedTime().isEmpty();
        if (parsed.isEmpty()) {
            return Optional.of("expected " + expected + ", got nothing");
        }
        ParsedDate date = parsed.get();
        if (!date.instant().equals(expected) || date.hasTime() != expectTime) {
            return Optional.of("expected " + expected + " hasTime=" + expectTime + ", got " + date);
        }
        return Optional.empty();
    }

    private static Optional<String> checkRelative(Optional<ParsedDate> parsed) {
        boolean plausible = parsed.filter(d -> d.format().startsWith("relative"))
                .filter(d -> !d.instant().isAfter(FIXED_REFERENCE))
                .filter(d -> d.instant().isAfter(FIXED_REFERENCE.minus(Duration.ofDays(366))))
                .isPresent();
        return plausible ? Optional.empty()
                : Optional.of("expected a relative date within a year before " + FIXED_REFERENCE + ", got " + parsed);
    }

    private static Optional<String> checkNoDate(Optional<ParsedDate> parsed) {
        return parsed.map(d -> "not a date, but got " + d);
    }

    private static List<Row> load() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = DateCorpusTest.class.getResourceAsStream(CORPUS)) {
            assertThat(in).as(CORPUS).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertThat(header).startsWith("raw\tlang\texpected_date\texpected_time\texpected_iso\ttz_assumption");
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] c = text.split("\t", -1);
                rows.add(new Row(line, c[0], c[1], c[2], c[3], c[4], c[5], c[7]));
            }
        }
        return rows;
    }
}
