package org.rundschau.publish;

import java.util.Locale;

/**
 * The fixed words of the HTML pages, in the feed's language: German for {@code de}, English otherwise.
 */
record PageText(String feeds, String opml, String regions, String sources, String noEntries, String allEntries,
                String regionFeed, String sourceFeed, String ok, String failing, String notYetFetched,
                String failureInARow, String failuresInARow, String lastSuccess, String neverSucceeded, String item,
                String items, String lastError,
                String nextAttempt, String generatedBy, String regionRetired, String sourceRetired) {

    static final PageText GERMAN = new PageText("Feeds", "OPML (alle Quellen)", "Regionen", "Quellen",
            "Noch keine Meldungen.", "Alle Meldungen", "Feed dieser Region", "Feed dieser Quelle", "ok", "gestört",
            "noch nicht abgerufen", "1 Fehlversuch", "%d Fehlversuche in Folge", "zuletzt erfolgreich: %s",
            "noch nie erfolgreich", "1 Meldung beim letzten Abruf", "%d Meldungen beim letzten Abruf", "Letzter Fehler: ", "Nächster Versuch: ",
            "Zusammengestellt von Rundschau aus den oben genannten Quellen.",
            "Zu dieser Region gibt es keine Meldungen mehr, und ihr Feed wurde entfernt. Die Seite zeigt, was sie zuletzt enthielt.",
            "Diese Quelle wird nicht mehr abgerufen, und ihr Feed wurde entfernt. Die Seite zeigt, was sie zuletzt enthielt.");

    static final PageText ENGLISH = new PageText("Feeds", "OPML (all sources)", "Regions", "Sources",
            "No entries yet.", "All entries", "Feed of this region", "Feed of this source", "ok", "failing",
            "not fetched yet", "1 failure", "%d failures in a row", "last success: %s", "never succeeded",
            "1 item on the last fetch", "%d items on the last fetch", "Last error: ", "Next attempt: ",
            "Compiled by Rundschau from the sources listed above.",
            "This region has no entries any more, and its feed was removed. The page shows what it last held.",
            "This source is no longer fetched, and its feed was removed. The page shows what it last held.");

    /** {@code count} failures in a row, singular or plural. */
    String failures(int count) {
        return count == 1 ? failureInARow : String.format(failuresInARow, count);
    }

    /** {@code count} items on the last fetch, singular or plural. */
    String itemCount(int count) {
        return count == 1 ? item : String.format(items, count);
    }

    static PageText of(Locale locale) {
        return locale.getLanguage().equals("de") ? GERMAN : ENGLISH;
    }
}
