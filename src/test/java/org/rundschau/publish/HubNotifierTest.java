package org.rundschau.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@WireMockTest
class HubNotifierTest {
    private final HubNotifier notifier = new HubNotifier(HttpClient.newHttpClient(), Duration.ofSeconds(5),
            "Rundschau/test");

    @Test
    void postsOnePublishRequestPerTopic(WireMockRuntimeInfo hub) {
        hub.getWireMock().register(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(204)));

        int accepted = notifier.announce(hub.getHttpBaseUrl() + "/hub",
                List.of("https://news.example.org/feed.atom", "https://news.example.org/feed.json?x=1&y=2"));

        assertThat(accepted).isEqualTo(2);
        hub.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/hub"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("User-Agent", equalTo("Rundschau/test"))
                .withRequestBody(equalTo("hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Ffeed.atom")));
        hub.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/hub")).withRequestBody(
                equalTo("hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Ffeed.json%3Fx%3D1%26y%3D2")));
    }

    @Test
    void aRefusingHubIsCountedNotThrown(WireMockRuntimeInfo hub) {
        hub.getWireMock().register(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(500).withBody("kaputt")));

        assertThat(notifier.announce(hub.getHttpBaseUrl() + "/hub", List.of("https://news.example.org/feed.atom")))
                .isZero();
    }

    @Test
    void aBrokenConnectionIsCountedNotThrown(WireMockRuntimeInfo hub) {
        hub.getWireMock().register(post(urlEqualTo("/hub")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(notifier.announce(hub.getHttpBaseUrl() + "/hub", List.of("https://news.example.org/feed.atom")))
                .isZero();
        assertThat(notifier.announce("http://127.0.0.1:1/hub", List.of("https://news.example.org/feed.atom")))
                .isZero();
    }
}
