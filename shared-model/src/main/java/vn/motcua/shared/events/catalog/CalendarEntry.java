package vn.motcua.shared.events.catalog;

import java.time.LocalDate;

/** One date of a year's calendar table. */
public record CalendarEntry(LocalDate date, DayKind kind, String name) {
}
