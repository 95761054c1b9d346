package org.rundschau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FetchConfig;

/** How long a dead node may block a host: the longest of two check-ins, three host gaps and 1 s. */
class LeaseTimeTest {

    private static Duration lease(Duration checkIn, Duration hostGap) {
        var postgres = new DatabaseConfig.Postgres("jdbc:postgresql://db/rundschau", Optional.empty(), Optional.empty(),
                new DatabaseConfig.ClusterConfig(checkIn));
        return App.leaseTime(postgres, new FetchConfig(hostGap, Duration.ofSeconds(30), 1 << 20, "", false));
    }

    @Test
    void twoCheckInsWhenTheyAreTheLongest() {
        assertThat(lease(Duration.ofSeconds(7), Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(14));
    }

    @Test
    void threeHostGapsWhenTheyAreTheLongest() {
        assertThat(lease(Duration.ofSeconds(1), Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void neverShorterThanOneSecondSoThatRenewalsKeepUp() {
        assertThat(lease(Duration.ofMillis(100), Duration.ZERO)).isEqualTo(App.SHORTEST_LEASE);
    }
}
