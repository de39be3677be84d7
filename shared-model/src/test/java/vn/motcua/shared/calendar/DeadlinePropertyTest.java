package vn.motcua.shared.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The laws of the arithmetic, on the standard calendar (official tables 2019–2026 with their swaps,
 * rules elsewhere): each sampled law runs {@link Sample#CASES} generated cases for each of
 * three fixed seeds ({@link Seeded}), every failure message naming the seed, the case and the inputs; the day-level
 * laws are also swept exhaustively over 2000–2099.
 */
class DeadlinePropertyTest {
    private static final WorkingCalendar CALENDAR = WorkingCalendar.standard();
    private static final DeadlineCalculator CALC = new DeadlineCalculator(CALENDAR, OfficeHours.DEFAULT);
    /** The default hours and two other provinces' choices (8 h shifted, 7 h), for the working-time laws. */
    private static final OfficeHours[] HOURS = {
            OfficeHours.DEFAULT,
            new OfficeHours(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 30), LocalTime.of(17, 30)),
            new OfficeHours(LocalTime.of(7, 0), LocalTime.of(11, 0), LocalTime.of(13, 30), LocalTime.of(16, 30))};
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** The exhaustive sweeps: every day whose neighbourhood stays inside the calendar's range. */
    private static final LocalDate SWEEP_FROM = LocalDate.of(2000, 6, 1);
    private static final LocalDate SWEEP_TO = LocalDate.of(2099, 6, 1);

    /** A law run once per fixed seed; a failure names its seed, so a rerun reproduces it. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20190105L, 20240504L, 20250426L})
    @interface Seeded {
    }

    // ---- working days on the calendar ------------------------------------------------------------

    @Seeded
    void addingWorkingDaysLandsOnAWorkingDay(long seed) {
        Sample.forEach(seed, s -> {
            LocalDate start = s.day("start");
            int n = s.intIn("n", -400, 400);
            if (n != 0) {
                assertTrue(CALENDAR.isWorkingDay(CALENDAR.plusWorkingDays(start, n)), s::toString);
            }
        });
    }

    @Seeded
    void addingNThenCountingGivesN(long seed) {
        Sample.forEach(seed, s -> {
            LocalDate from = s.day("start");
            int n = s.intIn("n", -400, 400);
            LocalDate to = CALENDAR.plusWorkingDays(from, n);
            int counted = n >= 0 ? CALENDAR.workingDaysBetween(from.plusDays(1), to.plusDays(1)) : -CALENDAR.workingDaysBetween(to, from);
            assertEquals(n, counted, s::toString);
        });
    }

    @Seeded
    void monotonicInNAndInTheStart(long seed) {
        Sample.forEach(seed, s -> {
            LocalDate a = s.day("start");
            int gap = s.intIn("gap", 0, 30);
            int n = s.intIn("n", 0, 200);
            LocalDate b = a.plusDays(gap);
            assertTrue(CALENDAR.plusWorkingDays(a, n + 1).isAfter(CALENDAR.plusWorkingDays(a, n)), s::toString);
            assertFalse(CALENDAR.plusWorkingDays(b, n + 1).isBefore(CALENDAR.plusWorkingDays(a, n + 1)), s::toString);
        });
    }

    @Seeded
    void addingAThenBEqualsAddingAPlusB(long seed) {
        Sample.forEach(seed, s -> {
            LocalDate start = s.day("start");
            int a = s.intIn("a", 0, 200);
            int b = s.intIn("b", 0, 200);
            // From a working day (from any other day, adding 0 stays on it and adding 1 does not).
            LocalDate from = CALENDAR.isWorkingDay(start) ? start : CALENDAR.nextWorkingDay(start);
            assertEquals(CALENDAR.plusWorkingDays(from, a + b), CALENDAR.plusWorkingDays(CALENDAR.plusWorkingDays(from, a), b), s::toString);
            assertEquals(from, CALENDAR.plusWorkingDays(CALENDAR.plusWorkingDays(from, a), -a), s::toString);
        });
    }

    /** Every day of 2000–2099 against a day-by-day walk, and the day laws for small N on every day. */
    @Test
    void sweepEveryDay() {
        LocalDate next = walk(SWEEP_FROM, 1);
        LocalDate previous = walk(SWEEP_FROM, -1);
        int[] steps = {1, 2, 5, 15, 60};
        for (LocalDate day = SWEEP_FROM; day.isBefore(SWEEP_TO); day = day.plusDays(1)) {
            String where = "sweep, day " + day;
            // The walk: next/previous working day as a loop over the days would find them.
            if (!next.isAfter(day)) {
                next = walk(day, 1);
            }
            assertEquals(next, CALENDAR.nextWorkingDay(day), where);
            assertEquals(previous, CALENDAR.previousWorkingDay(day), where);
            if (CALENDAR.isWorkingDay(day)) {
                previous = day;
            }
            for (int n : steps) {
                LocalDate forward = CALENDAR.plusWorkingDays(day, n);
                LocalDate backward = CALENDAR.plusWorkingDays(day, -n);
                String law = where + ", n " + n;
                assertTrue(CALENDAR.isWorkingDay(forward) && CALENDAR.isWorkingDay(backward), law);
                assertEquals(n, CALENDAR.workingDaysBetween(day.plusDays(1), forward.plusDays(1)), law);
                assertEquals(n, CALENDAR.workingDaysBetween(backward, day), law);
                assertFalse(CALENDAR.plusWorkingDays(day.plusDays(1), n).isBefore(forward), law);
                assertTrue(CALENDAR.plusWorkingDays(day, n + 1).isAfter(forward), law);
                assertEquals(CALENDAR.plusWorkingDays(forward, n), CALENDAR.plusWorkingDays(day, 2 * n), law);
            }
        }
    }

    private static LocalDate walk(LocalDate from, int direction) {
        LocalDate d = from.plusDays(direction);
        while (!CALENDAR.isWorkingDay(d)) {
            d = d.plusDays(direction);
        }
        return d;
    }

    // ---- deadlines from an instant ------------------------------------------------------------------

    @Seeded
    void workingDayDeadlinesEndAtClosingOnAWorkingDayAndAreMonotonic(long seed) {
        Sample.forEach(seed, s -> {
            Instant received = s.instant("received");
            Duration later = s.wallTime("later", 3);
            int n = s.intIn("n", 0, 120);
            OffsetDateTime due = CALC.dueAfterWorkingDays(received, n);
            assertTrue(CALENDAR.isWorkingDay(due.toLocalDate()), s::toString);
            assertEquals(OfficeHours.DEFAULT.afternoonEnd(), due.toLocalTime(), s::toString);
            assertEquals(VIETNAM, due.getOffset(), s::toString);
            assertTrue(n == 0 || due.toInstant().isAfter(received), s::toString);
            assertFalse(CALC.dueAfterWorkingDays(received.plus(later), n).isBefore(due), s::toString);
            assertTrue(CALC.dueAfterWorkingDays(received, n + 1).isAfter(due), s::toString);
            // N working days of the receipt day's count: exactly N working days after the receipt day.
            LocalDate receiptDay = CALC.receiptDay(received);
            assertEquals(n, CALENDAR.workingDaysBetween(receiptDay.plusDays(1), due.toLocalDate().plusDays(1)), s::toString);
        });
    }

    @Seeded
    void calendarDayDeadlinesEndOnAWorkingDayAndAreMonotonic(long seed) {
        Sample.forEach(seed, s -> {
            Instant received = s.instant("received");
            Duration later = s.wallTime("later", 3);
            int n = s.intIn("n", 0, 120);
            OffsetDateTime due = CALC.dueAfterCalendarDays(received, n);
            assertTrue(CALENDAR.isWorkingDay(due.toLocalDate()), s::toString);
            assertEquals(OfficeHours.DEFAULT.afternoonEnd(), due.toLocalTime(), s::toString);
            assertFalse(due.toLocalDate().isBefore(CALC.receiptDay(received).plusDays(n)), s::toString);
            assertFalse(CALC.dueAfterCalendarDays(received.plus(later), n).isBefore(due), s::toString);
            assertFalse(CALC.dueAfterCalendarDays(received, n + 1).isBefore(due), s::toString);
        });
    }

    @Seeded
    void addingWorkingTimeThenMeasuringGivesItBack(long seed) {
        Sample.forEach(seed, s -> {
            DeadlineCalculator calc = new DeadlineCalculator(CALENDAR, s.oneOf("hours", HOURS));
            Instant from = s.instant("from");
            Duration time = s.workingTime("time", 2_000);
            OffsetDateTime to = calc.plusWorkingTime(from, time);
            assertEquals(time, calc.workingTimeBetween(from, to.toInstant()), s::toString);
            assertEquals(time.negated(), calc.workingTimeBetween(to.toInstant(), from), s::toString);
            assertTrue(CALENDAR.isWorkingDay(to.toLocalDate()), s::toString);
            LocalTime t = to.toLocalTime();
            OfficeHours hours = calc.officeHours();
            assertTrue(!t.isBefore(hours.morningStart()) && !t.isAfter(hours.afternoonEnd())
                    && !(t.isAfter(hours.morningEnd()) && t.isBefore(hours.afternoonStart())), () -> s + ": outside office hours " + to);
        });
    }

    @Seeded
    void addingWorkingTimeAThenBEqualsAddingAPlusB(long seed) {
        Sample.forEach(seed, s -> {
            DeadlineCalculator calc = new DeadlineCalculator(CALENDAR, s.oneOf("hours", HOURS));
            Instant from = s.instant("from");
            Duration a = s.workingTime("a", 500);
            Duration b = s.workingTime("b", 500);
            OffsetDateTime once = calc.plusWorkingTime(from, a.plus(b));
            OffsetDateTime twice = calc.plusWorkingTime(calc.plusWorkingTime(from, a).toInstant(), b);
            assertEquals(once, twice, s::toString);
            assertTrue(once.toInstant().isAfter(from), s::toString);
            assertTrue(calc.plusWorkingTime(from, a.plus(b).plusSeconds(1)).isAfter(once), s::toString);
        });
    }

    /** Every quarter of an hour of the swap years 2024–2025: elapsed time and due dates never run backwards. */
    @Test
    void sweepEveryQuarterHourOf2024And2025() {
        Instant end = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, VIETNAM).toInstant();
        Instant t = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, VIETNAM).toInstant();
        OffsetDateTime previousDue = CALC.dueAfterWorkingDays(t, 1);
        for (; t.isBefore(end); t = t.plusSeconds(900)) {
            Instant next = t.plusSeconds(900);
            String where = "sweep, quarter hour from " + t.atOffset(VIETNAM);
            Duration elapsed = CALC.workingTimeBetween(t, next);
            assertTrue(!elapsed.isNegative() && elapsed.compareTo(Duration.ofMinutes(15)) <= 0, where);
            assertEquals(CALENDAR.isWorkingDay(t.atOffset(VIETNAM).toLocalDate()) && inSession(t.atOffset(VIETNAM).toLocalTime()),
                    elapsed.equals(Duration.ofMinutes(15)), where);
            OffsetDateTime due = CALC.dueAfterWorkingDays(next, 1);
            assertFalse(due.isBefore(previousDue), where);
            assertTrue(CALENDAR.isWorkingDay(due.toLocalDate()), where);
            previousDue = due;
        }
    }

    private static boolean inSession(LocalTime start) {
        LocalTime end = start.plusMinutes(15);
        OfficeHours h = OfficeHours.DEFAULT;
        return (!start.isBefore(h.morningStart()) && !end.isAfter(h.morningEnd()) && end.isAfter(start))
                || (!start.isBefore(h.afternoonStart()) && !end.isAfter(h.afternoonEnd()) && end.isAfter(start));
    }

    // ---- pauses and warnings ----------------------------------------------------------------------

    private static final StatutoryTime.Unit[] UNITS = StatutoryTime.Unit.values();

    @Seeded
    void aPauseNeverShortensADeadlineAndMovesItByExactlyThePausedWorkingTime(long seed) {
        Sample.forEach(seed, s -> {
            DeadlineCalculator calc = new DeadlineCalculator(CALENDAR, s.oneOf("hours", HOURS));
            Instant received = s.instant("received");
            StatutoryTime.Unit unit = s.oneOf("unit", UNITS);
            StatutoryTime time = new StatutoryTime(s.intIn("amount", 1, 60), unit);
            Instant pauseStart = received.plus(s.wallTime("pauseAfter", 40));
            Instant pauseEnd = pauseStart.plus(s.wallTime("pauseLength", 40));
            DeadlineClock clock = DeadlineClock.start(received, time);
            DeadlineClock paused = clock.pause(pauseStart).resume(pauseEnd);
            Duration pausedTime = calc.workingTimeBetween(pauseStart, pauseEnd);
            OffsetDateTime before = clock.due(calc);
            OffsetDateTime after = paused.due(calc);
            assertFalse(after.isBefore(before), () -> s + ": a pause shortened the deadline " + before + " to " + after);
            assertEquals(pausedTime, paused.pausedWorkingTime(calc), s::toString);
            assertEquals(pausedTime, calc.workingTimeBetween(before.toInstant(), after.toInstant()), s::toString);
            assertTrue(CALENDAR.isWorkingDay(after.toLocalDate()), s::toString);
        });
    }

    @Seeded
    void twoPausesMoveADeadlineByTheirSum(long seed) {
        Sample.forEach(seed, s -> {
            Instant received = s.instant("received");
            StatutoryTime time = StatutoryTime.workingDays(s.intIn("days", 1, 60));
            Instant p1 = received.plus(s.wallTime("firstAfter", 20));
            Instant r1 = p1.plus(s.wallTime("firstLength", 20));
            Instant p2 = r1.plus(s.wallTime("secondAfter", 20));
            Instant r2 = p2.plus(s.wallTime("secondLength", 20));
            DeadlineClock clock = DeadlineClock.start(received, time);
            DeadlineClock twice = clock.pause(p1).resume(r1).pause(p2).resume(r2);
            Duration sum = CALC.workingTimeBetween(p1, r1).plus(CALC.workingTimeBetween(p2, r2));
            OffsetDateTime before = clock.due(CALC);
            OffsetDateTime after = twice.due(CALC);
            assertEquals(sum, CALC.workingTimeBetween(before.toInstant(), after.toInstant()), s::toString);
            assertEquals(CALC.plusWorkingTime(before.toInstant(), sum), after, s::toString);
        });
    }

    @Seeded
    void warningsPrecedeTheDueDateByTheirWorkingDays(long seed) {
        Sample.forEach(seed, s -> {
            Instant received = s.instant("received");
            int days = s.intIn("days", 1, 60);
            int before = s.intIn("before", 0, 5);
            OffsetDateTime due = CALC.dueAfterWorkingDays(received, days);
            OffsetDateTime warning = CALC.warningAt(due.toInstant(), before);
            assertFalse(warning.isAfter(due), s::toString);
            assertEquals(Duration.ofHours(8L * before), CALC.workingTimeBetween(warning.toInstant(), due.toInstant()), s::toString);
            assertTrue(CALENDAR.isWorkingDay(warning.toLocalDate()), s::toString);
        });
    }
}
