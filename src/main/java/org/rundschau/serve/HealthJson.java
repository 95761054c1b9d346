package org.rundschau.serve;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.rundschau.model.SourceStatus;

/**
 * The JSON document of {@code /health}, written by hand (a dozen fields do not need a JSON library):
 *
 * <pre>{@code
 * {"status": "ok" | "degraded", "sourcesFailing": 0, "lastPublished": "2025-02-07T09:30:00Z" | null,
 *  "sources": [{"id": "kommune21", "state": "ok" | "failing" | "new", "consecutiveFailures": 0,
 *               "lastAttempt": "...", "lastSuccess": "...", "lastError": "", "lastHttpStatus": 200,
 *               "itemsLastSuccess": 16, "nextAttempt": null}]}
 * }</pre>
 *
 * "degraded" means at least one source is failing; a source never fetched ("new") is not failing.
 * The per-source fields are those of {@code status --json}.
 * Times are RFC 3339 in UTC to the second, {@code null} when there is none.
 */
public final class HealthJson {
    private HealthJson() {
    }

    /** @param lastPublished when the combined feed last changed, if it exists */
    static String render(List<SourceStatus> statuses, Optional<Instant> lastPublished) {
        long failing = statuses.stream().filter(s -> !s.healthy()).count();
        StringBuilder json = new StringBuilder(256 + 320 * statuses.size());
        json.append("{\n  \"status\": ").append(string(failing == 0 ? "ok" : "degraded"));
        json.append(",\n  \"sourcesFailing\": ").append(failing);
        json.append(",\n  \"lastPublished\": ").append(time(lastPublished.orElse(null)));
        json.append(",\n  \"sources\": [");
        for (int i = 0; i < statuses.size(); i++) {
            json.append(i == 0 ? "\n    " : ",\n    ");
            source(json, statuses.get(i));
        }
        json.append(statuses.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    /** The document when the health cannot be read. */
    static String unavailable(String problem) {
        return "{\n  \"status\": \"unavailable\",\n  \"error\": " + string(problem) + "\n}\n";
    }

    private static void source(StringBuilder json, SourceStatus s) {
        String state = s.lastAttempt() == null ? "new" : s.healthy() ? "ok" : "failing";
        json.append("{\"id\": ").append(string(s.sourceId()))
                .append(", \"state\": ").append(string(state))
                .append(", \"consecutiveFailures\": ").append(s.consecutiveFailures())
                .append(", \"lastAttempt\": ").append(time(s.lastAttempt()))
                .append(", \"lastSuccess\": ").append(time(s.lastSuccess()))
                .append(", \"lastError\": ").append(string(s.lastError()))
                .append(", \"lastHttpStatus\": ").append(s.lastHttpStatus())
                .append(", \"itemsLastSuccess\": ").append(s.itemsLastSuccess())
                .append(", \"nextAttempt\": ").append(time(s.nextAttempt()))
                .append('}');
    }

    /** @param instant may be null: SourceStatus uses null for "never" */
    public static String time(Instant instant) {
        return instant == null ? "null" : string(instant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * A JSON string (RFC 8259 section 7). Besides quote, backslash and controls, U+2028/U+2029 and every
     * surrogate are written as {@code \\uXXXX}: a pair still decodes to its character, and a lone
     * surrogate from a broken source cannot make the document invalid UTF-8.
     */
    public static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
