package vn.motcua.shared.calendar;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The laws of the arithmetic, over 2003–2098 with the 2025 swap table loaded. */
class DeadlinePropertyTest {
    private static final WorkingCalendar CALENDAR = Fixtures.WITH_SWAP_2025;
    private static final DeadlineCalculator CALC = new DeadlineCalculator(CALENDAR, OfficeHours.DEFAULT);
    /** 2003-01-01 and 2098-01-01 as epoch days (annotation values must be constants). */
    private static final long FROM = 12053L;
    private static final long TO = 46752L;
    private static final long FROM_SECOND = FROM * 86_400;
    private static final long TO_SECOND = TO * 86_400;

    private static LocalDate day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    @Property(tries = 500)
    void addingWorkingDaysLandsOnAWorkingDay(@ForAll @LongRange(min = FROM, max = TO) long start, @ForAll @IntRange(min = 1, max = 400) int n) {
        assertTrue(CALENDAR.isWorkingDay(CALENDAR.plusWorkingDays(day(start), n)));
    }

    @Property(tries = 500)
    void addingThenCountingGivesN(@ForAll @LongRange(min = FROM, max = TO) long start, @ForAll @IntRange(min = -400, max = 400) int n) {
        LocalDate from = day(start);
        LocalDate to = CALENDAR.plusWorkingDays(from, n);
        int counted = n >= 0 ? CALENDAR.workingDaysBetween(from.plusDays(1), to.plusDays(1)) : -CALENDAR.workingDaysBetween(to, from);
        assertEquals(n, counted);
    }

    @Property(tries = 500)
    void monotonicInNAndInTheStart(@ForAll @LongRange(min = FROM, max = TO) long start, @ForAll @IntRange(min = 0, max = 30) int gap,
                                   @ForAll @IntRange(min = 0, max = 200) int n) {
        LocalDate a = day(start);
        LocalDate b = a.plusDays(gap);
        assertTrue(CALENDAR.plusWorkingDays(a, n + 1).isAfter(CALENDAR.plusWorkingDays(a, n)));
        assertFalse(CALENDAR.plusWorkingDays(b, n + 1).isBefore(CALENDAR.plusWorkingDays(a, n + 1)));
    }

    @Property(tries = 300)
    void splittingAnAdditionChangesNothing(@ForAll @LongRange(min = FROM, max = TO) long start,
                                           @ForAll @IntRange(min = 0, max = 200) int a, @ForAll @IntRange(min = 0, max = 200) int b) {
        LocalDate from = CALENDAR.plusWorkingDays(day(start), 1);
        assertEquals(CALENDAR.plusWorkingDays(from, a + b), CALENDAR.plusWorkingDays(CALENDAR.plusWorkingDays(from, a), b));
    }

    @Property(tries = 300)
    void nextAndPreviousAgreeWithAWalk(@ForAll @LongRange(min = FROM, max = TO) long start) {
        LocalDate next = day(start).plusDays(1);
        while (!CALENDAR.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        assertEquals(next, CALENDAR.nextWorkingDay(day(start)));
        LocalDate previous = day(start).minusDays(1);
        while (!CALENDAR.isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        assertEquals(previous, CALENDAR.previousWorkingDay(day(start)));
    }

    @Property(tries = 500)
    void workingDayDeadlinesEndAtClosingOnAWorkingDayAndAreMonotonic(
            @ForAll @LongRange(min = FROM_SECOND, max = TO_SECOND) long second, @ForAll @IntRange(min = 0, max = 100_000) int laterBySeconds,
            @ForAll @IntRange(min = 0, max = 120) int n) {
        Instant received = Instant.ofEpochSecond(second);
        OffsetDateTime due = CALC.dueAfterWorkingDays(received, n);
        assertTrue(CALENDAR.isWorkingDay(due.toLocalDate()));
        assertEquals(OfficeHours.DEFAULT.afternoonEnd(), due.toLocalTime());
        assertTrue(due.isAfter(received.atOffset(due.getOffset())) || n == 0);
        assertFalse(CALC.dueAfterWorkingDays(received.plusSeconds(laterBySeconds), n).isBefore(due));
        assertTrue(CALC.dueAfterWorkingDays(received, n + 1).isAfter(due));
    }

    @Property(tries = 500)
    void addingWorkingTimeThenMeasuringGivesItBack(@ForAll @LongRange(min = FROM_SECOND, max = TO_SECOND) long second,
                                                   @ForAll @LongRange(min = 1, max = 2_000 * 3600L) long seconds) {
        Instant from = Instant.ofEpochSecond(second);
        OffsetDateTime to = CALC.plusWorkingTime(from, Duration.ofSeconds(seconds));
        assertEquals(Duration.ofSeconds(seconds), CALC.workingTimeBetween(from, to.toInstant()));
        assertTrue(CALENDAR.isWorkingDay(to.toLocalDate()));
    }

    @Property(tries = 500)
    void addingATimeThenBEqualsAddingAPlusB(@ForAll @LongRange(min = FROM_SECOND, max = TO_SECOND) long second,
                                           @ForAll @LongRange(min = 1, max = 500 * 3600L) long a,
                                           @ForAll @LongRange(min = 1, max = 500 * 3600L) long b) {
        Instant from = Instant.ofEpochSecond(second);
        OffsetDateTime once = CALC.plusWorkingTime(from, Duration.ofSeconds(a + b));
        OffsetDateTime twice = CALC.plusWorkingTime(CALC.plusWorkingTime(from, Duration.ofSeconds(a)).toInstant(), Duration.ofSeconds(b));
        assertEquals(once, twice);
    }

    @Property(tries = 500)
    void aPauseMovesTheDueDateByExactlyItsWorkingTime(@ForAll @LongRange(min = FROM_SECOND, max = TO_SECOND) long second,
                                                     @ForAll @IntRange(min = 1, max = 60) int days,
                                                     @ForAll @LongRange(min = 0, max = 40 * 86_400L) long pauseAfter,
                                                     @ForAll @LongRange(min = 0, max = 40 * 86_400L) long pauseLength) {
        Instant received = Instant.ofEpochSecond(second);
        DeadlineClock clock = DeadlineClock.start(received, StatutoryTime.workingDays(days));
        Instant pauseStart = received.plusSeconds(pauseAfter);
        DeadlineClock paused = clock.pause(pauseStart).resume(pauseStart.plusSeconds(pauseLength));
        Duration pausedTime = CALC.workingTimeBetween(pauseStart, pauseStart.plusSeconds(pauseLength));
        OffsetDateTime before = clock.due(CALC);
        OffsetDateTime after = paused.due(CALC);
        assertFalse(after.isBefore(before), "a pause never shortens a deadline");
        assertEquals(pausedTime, CALC.workingTimeBetween(before.toInstant(), after.toInstant()));
    }

    @Property(tries = 300)
    void warningsPrecedeTheDueDate(@ForAll @LongRange(min = FROM_SECOND, max = TO_SECOND) long second,
                                  @ForAll @IntRange(min = 1, max = 60) int days, @ForAll @IntRange(min = 0, max = 5) int before) {
        OffsetDateTime due = CALC.dueAfterWorkingDays(Instant.ofEpochSecond(second), days);
        OffsetDateTime warning = CALC.warningAt(due.toInstant(), before);
        assertFalse(warning.isAfter(due));
        assertEquals(Duration.ofHours(8L * before), CALC.workingTimeBetween(warning.toInstant(), due.toInstant()));
    }
}
