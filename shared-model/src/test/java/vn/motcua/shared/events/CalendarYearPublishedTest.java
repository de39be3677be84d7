package vn.motcua.shared.events;

import org.junit.jupiter.api.Test;
import vn.motcua.shared.calendar.CalendarEntry;
import vn.motcua.shared.calendar.DayKind;
import vn.motcua.shared.calendar.OfficialYear;
import vn.motcua.shared.calendar.WorkingCalendar;
import vn.motcua.shared.events.catalog.CalendarYearPublished;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar event carries the calendar's own entries: what intake publishes is what routing applies. */
class CalendarYearPublishedTest {
    private static final WorkingCalendar STANDARD = WorkingCalendar.standard();

    private static CalendarYearPublished publish(OfficialYear table) {
        return new CalendarYearPublished(table.year(), table.entries(),
                table.sources().stream().map(s -> s.reference() + " — " + s.title()).toList(),
                OffsetDateTime.parse("2026-11-23T09:00:00+07:00"), "admin1");
    }

    @Test
    void aBundledTableSentAsAnEventGivesTheSameCalendar() {
        for (int year : List.of(2019, 2024, 2025, 2026)) {
            OfficialYear bundled = STANDARD.officialYear(year).orElseThrow();
            String json = EventJson.write(EventTypes.envelope("intake", publish(bundled)));
            CalendarYearPublished read = EventTypes.CALENDAR_YEAR_PUBLISHED.payload(EventJson.read(json));

            OfficialYear applied = read.toOfficialYear();
            assertEquals(bundled.entries(), applied.entries(), json);
            assertEquals(bundled.sources().size(), applied.sources().size());
            // What a consumer does: drop the year, then apply the event's table (from the rules alone
            // as well, to show that the event carries the whole year).
            WorkingCalendar calendar = STANDARD.withoutOfficialYear(year).withOfficialYear(applied);
            assertEquals(STANDARD.entries(year), WorkingCalendar.rulesOnly().withOfficialYear(applied).entries(year));
            for (LocalDate d = LocalDate.of(year - 1, 1, 1); d.isBefore(LocalDate.of(year + 2, 1, 1)); d = d.plusDays(1)) {
                assertEquals(STANDARD.isWorkingDay(d), calendar.isWorkingDay(d), year + ": " + d);
            }
            assertEquals(STANDARD.entries(year), calendar.entries(year));
        }
    }

    @Test
    void anEntryTheCalendarRefusesMakesTheEventUnreadable() {
        CalendarYearPublished valid = new CalendarYearPublished(2025,
                List.of(new CalendarEntry(LocalDate.of(2025, 4, 26), DayKind.MAKEUP_WORKDAY, "Làm bù cho ngày 02/5")),
                List.of("test"), OffsetDateTime.parse("2025-01-02T08:00:00+07:00"), null);
        String json = EventJson.write(EventTypes.envelope("intake", valid));
        assertTrue(json.contains("\"2025-04-26\""), json);

        // A make-up working day on a Wednesday, a kind no calendar knows, a blank name.
        for (String broken : List.of(json.replace("\"2025-04-26\"", "\"2025-04-30\""),
                json.replace("MAKEUP_WORKDAY", "HALF_DAY"),
                json.replace("Làm bù cho ngày 02/5", " "))) {
            assertThrows(EventJson.MalformedEventException.class,
                    () -> EventTypes.CALENDAR_YEAR_PUBLISHED.payload(EventJson.read(broken)), broken);
        }
    }

    @Test
    void anInconsistentTableIsRefusedWhenApplied() {
        CalendarYearPublished event = new CalendarYearPublished(2025, List.of(
                new CalendarEntry(LocalDate.of(2025, 4, 26), DayKind.MAKEUP_WORKDAY, "Làm bù"),
                new CalendarEntry(LocalDate.of(2025, 4, 26), DayKind.DAY_OFF, "Nghỉ")),
                List.of(), OffsetDateTime.parse("2025-01-02T08:00:00+07:00"), null);
        assertThrows(IllegalArgumentException.class, event::toOfficialYear);
    }
}
