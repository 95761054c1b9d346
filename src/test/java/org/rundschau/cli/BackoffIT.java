package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.SourceStatus;
import org.rundschau.refresh.RefreshOutcome;

/** A failing source backs off, honours Retry-After, and recovers by itself when the site does. */
class BackoffIT {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    /** A clock the test moves forward by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void honoursRetryAfterThenRecoversWhenTheSiteDoes() throws Exception {
        site.stubFor(get(urlEqualTo("/feed.xml")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7200")));
        TestClock clock = new TestClock();
        SourceConfig source = new SourceConfig("busy", "Busy", URI.create(site.baseUrl() + "/feed.xml"), SourceKind.FEED,
                "", ZoneId.of("Europe/Berlin"), Locale.GERMAN, Schedule.parse("every 30m"), null);
        AppConfig config = new AppConfig(dir.resolve("r.yaml"), new FeedConfig("T", "tag:t.example.org,2026:f", "", 10),
                dir.resolve("public"), new DatabaseConfig.Sqlite(dir.resolve("r.db")), ZoneId.of("Europe/Berlin"), Locale.GERMAN,
                Schedule.parse("every 30m"), new FetchConfig(Duration.ZERO, Duration.ofSeconds(10), 1 << 20, "", false),
                Map.of(), List.of(source));

        try (App app = App.open(config, clock, Duration.ZERO)) {
            SourceStatus failed = app.cycle().refreshAll(List.of(source), o -> { }).get(0).status();
            assertThat(failed.consecutiveFailures()).isEqualTo(1);
            assertThat(failed.lastHttpStatus()).isEqualTo(429);
            assertThat(failed.lastError()).contains("HTTP 429").contains("retry after 7200 s");
            assertThat(failed.nextAttempt()).isEqualTo(clock.now.plus(Duration.ofHours(2)));

            clock.now = clock.now.plus(Duration.ofHours(1));
            RefreshOutcome skipped = app.cycle().refreshAll(List.of(source), o -> { }).get(0);
            assertThat(skipped.skipped()).isTrue();
            site.verify(1, getRequestedFor(urlEqualTo("/feed.xml")));

            site.stubFor(get(urlEqualTo("/feed.xml")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                    .withBody("<rss version=\"2.0\"><channel><title>B</title><link>https://b.example/</link>"
                            + "<description>d</description><item><title>Wieder da</title>"
                            + "<link>https://b.example/1</link></item></channel></rss>")));
            clock.now = clock.now.plus(Duration.ofHours(1).plusSeconds(1));
            SourceStatus recovered = app.cycle().refreshAll(List.of(source), o -> { }).get(0).status();
            assertThat(recovered.healthy()).isTrue();
            assertThat(recovered.consecutiveFailures()).isZero();
            assertThat(recovered.nextAttempt()).isNull();
            assertThat(recovered.itemsLastSuccess()).isEqualTo(1);
        }
    }
}
