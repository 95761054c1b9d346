package org.rundschau.normalize;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar date found in a text, before its time of day is looked for.
 *
 * @param start     where the date starts in the text (the earliest hit wins)
 * @param clockFrom where its time of day may start: right after the date, or inside it for
 *                  formats that put the time before the year ({@code "Fri Feb 07 14:30:00 CET 2025"})
 * @param date      the calendar date, already checked to exist
 * @param format    short rule name for diagnostics
 * @param iso       whether the date is ISO 8601-like (year first), which allows an offset glued
 *                  to the time ({@code 14:30+01:00})
 */
record DateHit(int start, int clockFrom, LocalDate date, String format, boolean iso) {
    DateHit {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(format, "format");
    }
}
