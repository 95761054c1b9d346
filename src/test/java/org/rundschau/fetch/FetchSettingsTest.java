package org.rundschau.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

    @Test
    void defaultsAreTenMebibytesAndFiveRedirectsWithoutPrivateAddresses() {
        FetchSettings defaults = FetchSettings.defaults("Rundschau/0.1");

        assertThat(defaults.maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(defaults.maxRedirects()).isEqualTo(5);
        assertThat(defaults.allowPrivateAddresses()).isFalse();
    }

    @Test
    void rejectsTimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> new FetchSettings("Rundschau/0.1", Duration.ofSeconds(10), Duration.ZERO,
                Duration.ofSeconds(60), 1024, 5, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readTimeout must be positive: PT0S");
    }
}
