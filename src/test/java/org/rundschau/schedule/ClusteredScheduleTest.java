package org.rundschau.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;
import org.rundschau.store.Database;
import org.rundschau.testing.TestPostgres;

/**
 * The shared schedule in Quartz's clustered JDBC job store, on a real PostgreSQL: what a node
 * starting (or reloading its config) leaves in it. Nothing is fired here; ClusterIT runs jobs.
 */
class ClusteredScheduleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:07:00Z"), ZoneId.of("UTC"));

    DatabaseConfig.Postgres config;
    Database database;
    SourceScheduler node;

    @BeforeEach
    void start() throws Exception {
        TestPostgres.assumeAvailable();
        config = new DatabaseConfig.Postgres(TestPostgres.freshDatabase(), Optional.empty(), Optional.empty(),
                DatabaseConfig.ClusterConfig.DEFAULTS);
        database = Database.open(config);
        node = startNode();
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) node.close();
        if (database != null) database.close();
        if (config != null) TestPostgres.drop(config.url());
    }

    private SourceScheduler startNode() throws Exception {
        return SourceScheduler.clustered(null, null, CLOCK, 2, Duration.ofSeconds(30), config, database);
    }

    private static SourceConfig source(String schedule) {
        return new SourceConfig("kommune21", "Kommune21", URI.create("https://www.kommune21.de/"), SourceKind.FEED, "",
                ZoneId.of("Europe/Berlin"), Locale.GERMAN, Schedule.parse(schedule), null);
    }

    private static SourceStatus attemptedAt(Instant at) {
        return new SourceStatus("kommune21", at, at, 0, "", 200, 10, Validators.NONE, "", "", null);
    }

    private List<? extends Trigger> triggers() throws Exception {
        return node.quartz().getTriggersOfJob(JobKey.jobKey("kommune21", "sources"));
    }

    @Test
    void aSourceMovedBetweenIntervalAndCronKeepsOneReadableTrigger() throws Exception {
        Instant recently = CLOCK.instant().minusSeconds(60);
        node.schedule(source("every 30m"), attemptedAt(recently));
        assertThat(triggers()).singleElement().isInstanceOf(SimpleTrigger.class);

        node.schedule(source("0 0/15 * * * ?"), attemptedAt(recently));
        assertThat(triggers()).singleElement().isInstanceOf(CronTrigger.class);

        node.schedule(source("every 1h"), SourceStatus.never("kommune21"));
        assertThat(triggers()).singleElement().isInstanceOf(SimpleTrigger.class);
    }

    @Test
    void aCatchUpRunThatIsNoLongerWantedGoes() throws Exception {
        node.schedule(source("0 0/15 * * * ?"), SourceStatus.never("kommune21"));
        assertThat(triggers()).hasSize(2);   // the cron trigger, and a run soon since it is overdue

        node.schedule(source("0 0/20 * * * ?"), attemptedAt(CLOCK.instant().minusSeconds(60)));
        assertThat(triggers()).singleElement().isInstanceOf(CronTrigger.class);
    }

    @Test
    void aNodeWithTheSameConfigLeavesTheScheduleAloneUnlessTheSourceIsOverdue() throws Exception {
        SourceConfig source = source("0 0/15 * * * ?");
        node.schedule(source, attemptedAt(CLOCK.instant().minusSeconds(60)));
        Trigger before = triggers().get(0);
        node.close();

        node = startNode();
        node.schedule(source, attemptedAt(CLOCK.instant().minusSeconds(60)));
        assertThat(triggers()).singleElement().extracting(Trigger::getStartTime).isEqualTo(before.getStartTime());
        node.close();

        // Every node was down for longer than a slot: the next one to start runs it once soon.
        node = startNode();
        node.schedule(source, attemptedAt(CLOCK.instant().minusSeconds(3600)));
        assertThat(triggers()).hasSize(2).extracting(t -> t.getKey().getName())
                .containsExactlyInAnyOrder("kommune21", "kommune21/catch-up");
        node.schedule(source, attemptedAt(CLOCK.instant().minusSeconds(3600)));
        assertThat(triggers()).hasSize(2);   // once, however many nodes start
    }

    @Test
    void sourcesRemovedWhileNoNodeRanLeaveTheSchedule() throws Exception {
        node.schedule(source("every 30m"), SourceStatus.never("kommune21"));
        node.close();

        node = startNode();
        String change = node.reconcile(List.of(), id -> SourceStatus.never(id));
        assertThat(change).contains("removed [kommune21]");
        assertThat(triggers()).isEmpty();
    }
}
