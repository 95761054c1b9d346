package org.rundschau.publish;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.SourceStatus;

/**
 * The list of sources on the index page, each with its health: ok or failing, last success, last
 * error and next attempt. The error text is shown here and nowhere else, and only as escaped text.
 */
final class HealthSection {
    private final PageText words;
    private final DateTimeFormatter moment;

    /** @param moment formats an instant as date and time in the feed's zone and language */
    HealthSection(PageText words, DateTimeFormatter moment) {
        this.words = words;
        this.moment = moment;
    }

    /** Writes every configured source in config order; stored statuses of removed sources are not shown. */
    void write(Html html, List<SourceConfig> sources, List<SourceStatus> statuses) {
        Map<String, SourceStatus> byId = statuses.stream()
                .collect(Collectors.toMap(SourceStatus::sourceId, Function.identity(), (a, b) -> b));
        html.open("section", "id", "sources").newLine();
        html.element("h2", words.sources()).newLine();
        html.open("ul", "class", "sources").newLine();
        for (SourceConfig source : sources) {
            source(html, source, byId.getOrDefault(source.id(), SourceStatus.never(source.id())));
        }
        html.close().newLine();
        html.close().newLine();
    }

    private void source(Html html, SourceConfig source, SourceStatus status) {
        String state = status.lastAttempt() == null ? "new" : status.healthy() ? "ok" : "failing";
        html.open("li", "class", "source " + state).newLine();
        html.open("h3");
        PageRenderer.webLink(source.url().toString()).ifPresentOrElse(
                href -> html.element("a", source.name(), "href", href), () -> html.text(source.name()));
        html.close().newLine();
        html.open("p");
        stateLabel(html, state, status);
        if (status.lastAttempt() != null) {
            html.text(" · ").text(status.lastSuccess() == null ? words.neverSucceeded()
                    : String.format(words.lastSuccess(), moment.format(status.lastSuccess())));
        }
        if (status.lastSuccess() != null) {
            html.text(" · ").text(words.itemCount(status.itemsLastSuccess()));
        }
        html.text(" · ").element("a", words.sourceFeed(), "href", "source/" + source.id() + ".atom");
        html.close().newLine();
        if (!status.healthy()) {
            html.open("p", "class", "error").element("strong", words.lastError()).element("span", status.lastError())
                    .close().newLine();
        }
        if (status.nextAttempt() != null) {
            html.element("p", words.nextAttempt() + moment.format(status.nextAttempt())).newLine();
        }
        html.close().newLine();
    }

    private void stateLabel(Html html, String state, SourceStatus status) {
        String label = switch (state) {
            case "new" -> words.notYetFetched();
            case "ok" -> words.ok();
            default -> words.failing() + " (" + words.failures(status.consecutiveFailures()) + ")";
        };
        html.open("span", "class", "state").element("span", "●", "class", "dot", "aria-hidden", "true")
                .text(" " + label).close();
    }
}
