package org.rundschau.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpHeadersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gzip | true",
            "gzip, deflate, br | true",
            "GZIP;q=0.5 | true",
            "x-gzip | true",
            "* | true",
            "br;q=1.0, *;q=0.1 | true",
            "gzip;q=0 | false",
            "gzip;q=0.000 | false",
            "gzip;q=0, *;q=1 | false",
            "*;q=0 | false",
            "identity | false",
            "deflate, br | false",
            "gzip;q=nonsense | false",
            "'' | false"})
    void acceptsGzipFollowsTheQualityValues(String header, boolean accepted) {
        assertThat(HttpHeaders.acceptsGzip(List.of(header))).isEqualTo(accepted);
    }

    @Test
    void noAcceptEncodingMeansNoGzip() {
        assertThat(HttpHeaders.acceptsGzip(List.of())).isFalse();
    }

    @Test
    void datesAreWrittenAsImfFixdateInGmt() {
        assertThat(HttpHeaders.date(Instant.parse("2025-02-07T09:05:03.999Z"))).isEqualTo("Fri, 07 Feb 2025 09:05:03 GMT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Fri, 07 Feb 2025 09:05:03 GMT | 2025-02-07T09:05:03Z",
            "Fri, 7 Feb 2025 09:05:03 GMT | 2025-02-07T09:05:03Z",
            "Fri, 07 Feb 2025 10:05:03 +0100 | 2025-02-07T09:05:03Z"})
    void readsHttpDates(String header, Instant expected) {
        assertThat(HttpHeaders.parseDate(header)).contains(expected);
    }

    @Test
    void anUnreadableDateIsNoDate() {
        assertThat(HttpHeaders.parseDate("yesterday")).isEqualTo(Optional.empty());
        assertThat(HttpHeaders.parseDate("2025-02-07T09:05:03Z")).isEmpty();
    }

    @Test
    void ifNoneMatchComparesOpaqueTagsWeakly() {
        assertThat(HttpHeaders.noneMatchHits(List.of("\"a\""), "\"a\"")).isTrue();
        assertThat(HttpHeaders.noneMatchHits(List.of("W/\"a\""), "\"a\"")).isTrue();
        assertThat(HttpHeaders.noneMatchHits(List.of("\"b\" , \"a\""), "\"a\"")).isTrue();
        assertThat(HttpHeaders.noneMatchHits(List.of("\"b\"", "\"a\""), "\"a\"")).isTrue();
        assertThat(HttpHeaders.noneMatchHits(List.of("*"), "\"a\"")).isTrue();
        assertThat(HttpHeaders.noneMatchHits(List.of("\"a-gz\""), "\"a\"")).isFalse();
        assertThat(HttpHeaders.noneMatchHits(List.of("a"), "\"a\"")).isFalse();
    }
}
