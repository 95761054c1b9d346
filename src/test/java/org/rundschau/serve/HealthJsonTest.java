package org.rundschau.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;

class HealthJsonTest {
    private static final Instant AT = Instant.parse("2025-02-07T09:00:00.123Z");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everythingHealthyIsOk() throws Exception {
        JsonNode health = json.readTree(HealthJson.render(
                List.of(SourceStatus.never("a").succeeded(AT, 200, 3, Validators.NONE, "", "r"), SourceStatus.never("b")),
                Optional.empty()));

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("sourcesFailing").asInt()).isZero();
        assertThat(health.get("lastPublished").isNull()).isTrue();
        assertThat(health.get("sources").get(0).get("lastAttempt").asText()).isEqualTo("2025-02-07T09:00:00Z");
        assertThat(health.get("sources").get(1).get("lastAttempt").isNull()).isTrue();
    }

    @Test
    void noSourcesIsAnEmptyList() throws Exception {
        JsonNode health = json.readTree(HealthJson.render(List.of(), Optional.of(AT)));

        assertThat(health.get("sources").isArray()).isTrue();
        assertThat(health.get("sources")).isEmpty();
        assertThat(health.get("lastPublished").asText()).isEqualTo("2025-02-07T09:00:00Z");
    }

    @Test
    void anyErrorTextStaysAValidJsonString() throws Exception {
        String error = "quote \" backslash \\ newline\n tab\t nul\u0000 bell\u0007 sep\u2028 emoji 🔮 lone\uD800 <script>";
        String rendered = HealthJson.render(List.of(SourceStatus.never("a").failed(AT, 0, error, AT)), Optional.empty());

        JsonNode health = json.readTree(rendered.getBytes(StandardCharsets.UTF_8));

        assertThat(health.get("sources").get(0).get("lastError").asText()).isEqualTo(error);
        assertThat(rendered).doesNotContain("\u0000").doesNotContain("\u2028").doesNotContain("\uD800");
    }

    @Test
    void unavailableNamesTheProblem() throws Exception {
        JsonNode health = json.readTree(HealthJson.unavailable("store: \"locked\""));

        assertThat(health.get("status").asText()).isEqualTo("unavailable");
        assertThat(health.get("error").asText()).isEqualTo("store: \"locked\"");
    }
}
