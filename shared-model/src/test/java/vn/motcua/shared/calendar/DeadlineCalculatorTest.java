package vn.motcua.shared.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.EventJson;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.shared.calendar.Fixtures.vn;
import static vn.motcua.shared.calendar.Fixtures.vnTime;

class DeadlineCalculatorTest {
    private final DeadlineCalculator rules = new DeadlineCalculator(Fixtures.RULES, OfficeHours.DEFAULT);
    private final DeadlineCalculator swap = new DeadlineCalculator(Fixtures.WITH_SWAP_2025, OfficeHours.DEFAULT);

    @Test
    void fridayBeforeAndAfterClosing() {
        // Fri 7 Mar 2025.
        assertEquals(vnTime("2025-03-14T17:00"), rules.dueAfterWorkingDays(vn("2025-03-07T16:59"), 5));
        assertEquals(vnTime("2025-03-17T17:00"), rules.dueAfterWorkingDays(vn("2025-03-07T17:01"), 5));
        assertEquals(vnTime("2025-03-10T17:00"), rules.dueAfterWorkingDays(vn("2025-03-07T16:59"), 1));
        assertEquals(vnTime("2025-03-11T17:00"), rules.dueAfterWorkingDays(vn("2025-03-07T17:00"), 1), "17:00 is closed");
        assertEquals(vnTime("2025-03-11T17:00"), rules.dueAfterWorkingDays(vn("2025-03-08T10:00"), 1), "Saturday, online");
        assertEquals(vnTime("2025-03-10T17:00"), rules.dueAfterWorkingDays(vn("2025-03-07T06:00"), 1), "before opening");
        assertEquals(vnTime("2025-03-10T17:00"), rules.dueAfterWorkingDays(vn("2025-03-07T12:00"), 1), "lunch break");
        assertEquals(ZoneOffset.ofHours(7), rules.dueAfterWorkingDays(vn("2025-03-07T12:00"), 1).getOffset());
    }

    @Test
    void aroundTheSwapped2025Holiday() {
        assertEquals(vnTime("2025-05-05T17:00"), swap.dueAfterWorkingDays(vn("2025-04-29T10:00"), 1));
        assertEquals(vnTime("2025-05-06T17:00"), swap.dueAfterWorkingDays(vn("2025-04-29T17:30"), 1));
        assertEquals(vnTime("2025-05-08T17:00"), swap.dueAfterWorkingDays(vn("2025-05-01T09:00"), 3), "during the holiday");
        assertEquals(vnTime("2025-04-28T17:00"), swap.dueAfterWorkingDays(vn("2025-04-25T09:00"), 2), "via the make-up Saturday");
        assertEquals(LocalDate.of(2025, 4, 26), swap.receiptDay(vn("2025-04-26T08:00")));
    }

    @Test
    void acrossTet() {
        // 2025: Tết Mon 27 – Fri 31 Jan; Fri 24 Jan and Mon 3 Feb are worked.
        assertEquals(vnTime("2025-02-03T17:00"), rules.dueAfterWorkingDays(vn("2025-01-24T10:00"), 1));
        assertEquals(vnTime("2025-02-04T17:00"), rules.dueAfterWorkingDays(vn("2025-01-28T10:00"), 1), "received during Tết");
        assertEquals(vnTime("2025-02-05T17:00"), rules.dueAfterWorkingDays(vn("2025-01-15T08:00"), 10));
    }

    /**
     * Issue 20, item 5: a same-day procedure received after the unit's cut-off (15:00) is due the next working day;
     * before it, the same day; other procedures are not moved; no cut-off, no move.
     */
    @Test
    void sameDayProcedureReceivedAfterTheCutOffIsDueTheNextWorkingDay() {
        java.time.LocalTime cutoff = java.time.LocalTime.of(15, 0);
        StatutoryTime inTheDay = StatutoryTime.workingDays(0);
        // Fri 7 Mar 2025: 15:30 → Monday; 14:59 → Friday itself; exactly 15:00 is after the cut-off.
        assertEquals(vnTime("2025-03-10T17:00"), rules.due(vn("2025-03-07T15:30"), inTheDay, cutoff));
        assertEquals(vnTime("2025-03-07T17:00"), rules.due(vn("2025-03-07T14:59"), inTheDay, cutoff));
        assertEquals(vnTime("2025-03-10T17:00"), rules.due(vn("2025-03-07T15:00"), inTheDay, cutoff));
        assertEquals(vnTime("2025-03-07T17:00"), rules.due(vn("2025-03-07T15:30"), inTheDay, null), "no cut-off");
        // Hours within one working day count from Monday's opening: 4 hours → 11:30 (not Monday 10:00).
        assertEquals(vnTime("2025-03-10T11:30"), rules.due(vn("2025-03-07T15:30"), StatutoryTime.workingHours(4), cutoff));
        assertEquals(vnTime("2025-03-10T10:00"), rules.due(vn("2025-03-07T15:30"), StatutoryTime.workingHours(4), null));
        // A 3-day procedure is not moved by the cut-off (only the hand-over is, not modelled here).
        assertEquals(vnTime("2025-03-12T17:00"), rules.due(vn("2025-03-07T15:30"), StatutoryTime.workingDays(3), cutoff));
        // Across a holiday: Tue 29 Apr 2025 at 16:00, the swapped days off 30 Apr–2 May, next working day Mon 5 May.
        assertEquals(vnTime("2025-05-05T17:00"), swap.due(vn("2025-04-29T16:00"), inTheDay, cutoff));
        // Received on a day off (online): the calendar already moves it; the cut-off changes nothing.
        assertEquals(vnTime("2025-03-10T17:00"), rules.due(vn("2025-03-08T16:00"), inTheDay, cutoff));
        assertTrue(rules.sameDay(StatutoryTime.workingHours(8)));
        assertTrue(!rules.sameDay(StatutoryTime.workingHours(9)) && !rules.sameDay(StatutoryTime.workingDays(1)));
    }

    @Test
    void workingHours() {
        assertEquals(vnTime("2025-03-10T16:00"), rules.due(vn("2025-03-07T16:00"), StatutoryTime.workingHours(8)));
        assertEquals(vnTime("2025-03-07T14:30"), rules.due(vn("2025-03-07T11:00"), StatutoryTime.workingHours(2)));
        assertEquals(vnTime("2025-03-07T14:00"), rules.due(vn("2025-03-07T12:00"), StatutoryTime.workingHours(1)));
        assertEquals(vnTime("2025-03-10T17:00"), rules.due(vn("2025-03-07T17:01"), StatutoryTime.workingHours(8)));
        assertEquals(vnTime("2025-03-07T11:30"), rules.due(vn("2025-03-07T07:30"), StatutoryTime.workingHours(4)),
                "a sum ending at a session's close lands on the close, not on the next opening");
        assertEquals(Duration.ofHours(8), OfficeHours.DEFAULT.workingDay());
    }

    @Test
    void calendarDaysEndingOnADayOff() {
        // Wed 23 Apr + 7 days = Wed 30 Apr, a holiday: Civil Code Art. 148 moves it to the next working day.
        assertEquals(vnTime("2025-05-05T17:00"), swap.due(vn("2025-04-23T10:00"), StatutoryTime.calendarDays(7)));
        assertEquals(vnTime("2025-05-02T17:00"), rules.due(vn("2025-04-23T10:00"), StatutoryTime.calendarDays(7)));
        assertEquals(vnTime("2025-04-25T17:00"), rules.due(vn("2025-04-23T10:00"), StatutoryTime.calendarDays(2)));
    }

    @Test
    void elapsedWorkingTime() {
        assertEquals(Duration.ofMinutes(150), rules.workingTimeBetween(vn("2025-03-07T10:00"), vn("2025-03-07T14:00")));
        assertEquals(Duration.ofHours(8), rules.workingTimeBetween(vn("2025-03-07T17:00"), vn("2025-03-10T17:00")));
        assertEquals(Duration.ZERO, rules.workingTimeBetween(vn("2025-03-08T09:00"), vn("2025-03-09T15:00")));
        assertEquals(Duration.ofHours(-8), rules.workingTimeBetween(vn("2025-03-10T17:00"), vn("2025-03-07T17:00")));
    }

    @Test
    void warning() {
        assertEquals(vnTime("2025-03-13T17:00"), rules.warningAt(vn("2025-03-17T17:00"), 2));
        assertEquals(vnTime("2025-03-14T17:00"), rules.warningAt(vn("2025-03-17T17:00"), 1), "Friday's close, before the weekend");
    }

    @Test
    void pauseSpanningTet() {
        DeadlineClock clock = DeadlineClock.start(vn("2025-01-15T08:00"), StatutoryTime.workingDays(10));
        assertEquals(vnTime("2025-02-05T17:00"), clock.due(rules));
        DeadlineClock paused = clock.pause(vn("2025-01-24T15:00"));
        assertTrue(paused.isPaused());
        assertEquals(vnTime("2025-02-05T17:00"), paused.due(rules), "due as of the pause until resumed");
        DeadlineClock resumed = paused.resume(vn("2025-02-05T09:00"));
        // Paused: Fri 24 Jan 2 h + Mon 3 Feb 8 h + Tue 4 Feb 8 h + Wed 1.5 h = 19.5 h (Tết counts nothing);
        // the remaining 26 h run from Wed 09:00: Wed 6.5 h, Thu 8 h, Fri 8 h, Mon 10 Feb 3.5 h.
        assertEquals(Duration.ofMinutes(19 * 60 + 30), resumed.pausedWorkingTime(rules));
        assertEquals(vnTime("2025-02-10T11:00"), resumed.due(rules));
        assertEquals(vnTime("2025-02-05T17:00"), resumed.statutoryDue(rules));
        assertThrows(IllegalStateException.class, () -> resumed.resume(vn("2025-02-06T09:00")));
        assertThrows(IllegalStateException.class, () -> paused.pause(vn("2025-01-25T09:00")));
    }

    @Test
    void oneExtensionOnly() {
        DeadlineClock clock = DeadlineClock.start(vn("2025-03-07T10:00"), StatutoryTime.workingDays(5));
        DeadlineClock extended = clock.extend(vn("2025-03-13T09:00"), vnTime("2025-03-21T17:00"), "chờ xác minh", rules);
        assertEquals(vnTime("2025-03-14T17:00"), extended.extension().previousDue());
        assertEquals(vnTime("2025-03-21T17:00"), extended.due(rules));
        assertThrows(ExtensionAlreadyGrantedException.class,
                () -> extended.extend(vn("2025-03-20T09:00"), vnTime("2025-03-28T17:00"), "lần hai", rules));
        assertThrows(IllegalArgumentException.class,
                () -> clock.extend(vn("2025-03-13T09:00"), vnTime("2025-03-14T17:00"), "không dời", rules));
        // A pause after the extension moves the new due date; one before it is already in it.
        DeadlineClock pausedAfter = extended.pause(vn("2025-03-17T07:30")).resume(vn("2025-03-17T17:00"));
        assertEquals(vnTime("2025-03-24T17:00"), pausedAfter.due(rules));
    }

    /** Routing stores the clock and sends it in events: it must survive the shared JSON mapping. */
    @Test
    void clockJsonRoundTrip() throws JsonProcessingException {
        DeadlineClock clock = DeadlineClock.start(vn("2025-03-07T10:00"), StatutoryTime.workingDays(5))
                .pause(vn("2025-03-10T09:00")).resume(vn("2025-03-11T09:00"))
                .extend(vn("2025-03-13T09:00"), vnTime("2025-03-24T17:00"), "chờ xác minh", rules)
                .pause(vn("2025-03-14T08:00"));
        String json = EventJson.mapper().writeValueAsString(clock);
        DeadlineClock read = EventJson.mapper().readValue(json, DeadlineClock.class);
        assertEquals(clock.pauses(), read.pauses());
        assertEquals(clock.pausedSince(), read.pausedSince());
        assertEquals(clock.statutoryTime(), read.statutoryTime());
        assertEquals(clock.due(rules), read.due(rules));
        assertEquals(clock.extension().previousDue().toInstant(), read.extension().previousDue().toInstant());
        assertTrue(json.contains("\"unit\":\"WORKING_DAYS\""), json);
    }
}
