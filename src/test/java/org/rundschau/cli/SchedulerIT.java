package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
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
import org.rundschau.schedule.PublishCoalescer;
import org.rundschau.schedule.SourceScheduler;

/**
 * The real Quartz scheduler on one-second schedules against WireMock: a hung source delays no
 * other, a source never runs twice at once, unchanged sources are fetched conditionally, and an
 * overdue source runs once at start rather than once per missed slot.
 */
class SchedulerIT {
    static final Duration HANG = Duration.ofSeconds(4);

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>T</title><link>https://example.org/</link><description>D</description>
            <item><title>%1$s</title><link>https://example.org/%1$s</link><pubDate>Fri, 07 Feb 2025 10:00:00 +0100</pubDate></item>
            </channel></rss>
            """;

    @Test
    void aHungSourceDelaysNoOtherAndNoSourceRunsTwiceAtOnce() throws Exception {
        site.stubFor(get(urlEqualTo("/hung.xml")).willReturn(aResponse().withFixedDelay((int) HANG.toMillis())
                .withHeader("Content-Type", "application/rss+xml").withBody(RSS.formatted("hung"))));
        site.stubFor(get(urlEqualTo("/fast.xml")).withHeader("If-None-Match", absent()).willReturn(aResponse()
                .withHeader("Content-Type", "application/rss+xml").withHeader("ETag", "\"v1\"").withBody(RSS.formatted("fast"))));
        site.stubFor(get(urlEqualTo("/fast.xml")).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        // Three host names for one loopback server: the per-host politeness keeps them apart.
        AppConfig config = config(
                source("hung", "http://localhost:" + site.getPort() + "/hung.xml", "every 1s"),
                source("fast", "http://127.0.0.1:" + site.getPort() + "/fast.xml", "every 1s"));

        try (App app = App.open(config, Clock.systemUTC(), Duration.ZERO);
             PublishCoalescer publisher = new PublishCoalescer(app.republisher(), () -> config, Duration.ofMillis(200))) {
            SourceScheduler scheduler = new SourceScheduler(app.refresher(), publisher, Clock.systemUTC(), 4, Duration.ZERO);
            scheduler.reconcile(config.sources(), app.statuses()::load);
            scheduler.start();
            Thread.sleep(HANG.multipliedBy(2).plusSeconds(1).toMillis());
            scheduler.close();
        }

        List<LoggedRequest> fast = site.findAll(getRequestedFor(urlEqualTo("/fast.xml")));
        assertThat(fast).as("the fast source kept its schedule while the other hung").hasSizeGreaterThanOrEqualTo(4);
        assertThat(fast.subList(1, fast.size())).as("every fetch after the first is conditional")
                .allSatisfy(r -> assertThat(r.getHeader("If-None-Match")).isEqualTo("\"v1\""));

        List<Instant> hung = site.findAll(getRequestedFor(urlEqualTo("/hung.xml"))).stream()
                .map(r -> r.getLoggedDate().toInstant()).sorted(Comparator.naturalOrder()).toList();
        assertThat(hung).isNotEmpty();
        for (int i = 1; i < hung.size(); i++) {
            assertThat(Duration.between(hung.get(i - 1), hung.get(i))).as("runs of one source never overlap")
                    .isGreaterThanOrEqualTo(HANG.minusMillis(100));
        }
        assertThat(dir.resolve("public/feed.atom")).as("new items were published").exists();
        assertThat(Files.readString(dir.resolve("public/feed.atom"))).contains("<title type=\"text\">fast</title>");
    }

    @Test
    void anOverdueSourceRunsOnceAtStartARecentOneWaitsAndAReloadReschedules() throws Exception {
        site.stubFor(get(urlEqualTo("/feed.xml")).willReturn(aResponse()
                .withHeader("Content-Type", "application/rss+xml").withBody(RSS.formatted("x"))));
        site.stubFor(get(urlEqualTo("/recent.xml")).willReturn(aResponse()
                .withHeader("Content-Type", "application/rss+xml").withBody(RSS.formatted("y"))));
        AppConfig config = config(
                source("overdue", "http://localhost:" + site.getPort() + "/feed.xml", "every 1h"),
                source("recent", "http://127.0.0.1:" + site.getPort() + "/recent.xml", "every 1h"));
        Instant now = Instant.now();

        try (App app = App.open(config, Clock.systemUTC(), Duration.ZERO);
             PublishCoalescer publisher = new PublishCoalescer(app.republisher(), () -> config, Duration.ofMillis(200))) {
            // Down for a day: 24 slots of the hourly source were missed.
            app.statuses().save(SourceStatus.never("overdue").unchanged(now.minus(Duration.ofDays(1)), 200,
                    org.rundschau.model.Validators.NONE));
            app.statuses().save(SourceStatus.never("recent").unchanged(now.minusSeconds(60), 200,
                    org.rundschau.model.Validators.NONE));
            SourceScheduler scheduler = new SourceScheduler(app.refresher(), publisher, Clock.systemUTC(), 4, Duration.ZERO);
            scheduler.reconcile(config.sources(), app.statuses()::load);
            scheduler.start();
            Thread.sleep(2_000);

            // A live config reload: one source removed, one added, one unchanged (keeps its trigger).
            String change = scheduler.reconcile(List.of(config.sources().get(0),
                    source("added", "http://127.0.0.2:" + site.getPort() + "/recent.xml", "every 1h")), app.statuses()::load);
            assertThat(change).isEqualTo("added [added], changed [], removed [recent]");
            assertThat(scheduler.scheduledIds()).containsExactlyInAnyOrder("overdue", "added");
            Thread.sleep(1_000);
            scheduler.close();
        }

        site.verify(1, getRequestedFor(urlEqualTo("/feed.xml")));
        site.verify(1, getRequestedFor(urlEqualTo("/recent.xml")));
    }

    private AppConfig config(SourceConfig... sources) {
        return new AppConfig(dir.resolve("rundschau.yaml"),
                new FeedConfig("T", "tag:t.example.org,2026:feed", "", 100), dir.resolve("public"),
                new DatabaseConfig.Sqlite(dir.resolve("data/t.db")), ZoneId.of("Europe/Berlin"), Locale.GERMAN, schedule("every 1h"),
                new FetchConfig(Duration.ZERO, Duration.ofSeconds(30), 1 << 20, "", false), Map.of(), List.of(sources));
    }

    private static SourceConfig source(String id, String url, String schedule) {
        return new SourceConfig(id, id, URI.create(url), SourceKind.FEED, "", ZoneId.of("Europe/Berlin"), Locale.GERMAN,
                schedule(schedule), null);
    }

    /** Test schedules may be shorter than the 5 minutes the config allows. */
    private static Schedule schedule(String text) {
        Duration interval = text.endsWith("1s") ? Duration.ofSeconds(1) : Duration.ofHours(1);
        return new Schedule(text, interval, "");
    }
}
