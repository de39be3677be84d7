package vn.motcua.shared.calendar;

import vn.motcua.shared.events.EventJson;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Deadline arithmetic (tính hạn giải quyết) over a {@link WorkingCalendar} and {@link OfficeHours}.
 * All instants are interpreted in Vietnam's time, a fixed +07:00 (no daylight saving), and every
 * result is an {@link OffsetDateTime} at +07:00.
 *
 * <p>Receipt: a dossier received on a working day before the close of office hours belongs to that
 * day; one received later, or on a rest day or day off (typically online), counts as received at the
 * opening of the next working day.
 *
 * <p>Due instants are the close of office hours (17:00 by default) of the due day: the office
 * returns results within office hours, so that is when the time allowed runs out. (The Civil Code's
 * default end of a day is 24:00, Art. 148(6); we use the close of business on purpose.)
 *
 * <p>Working time is measured on a single line: the working time from 2000-01-01 to an instant.
 * Adding working time finds the earliest instant that far along the line, so a sum that ends at the
 * close of a session lands on 11:30 or 17:00, never on the next opening. That makes the laws exact:
 * adding a then b equals adding a + b, and a pause of working length P moves a due date by exactly P.
 */
public final class DeadlineCalculator {
    private final WorkingCalendar calendar;
    private final OfficeHours hours;
    private final long dayNanos;

    public DeadlineCalculator(WorkingCalendar calendar, OfficeHours hours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.dayNanos = hours.dayNanos();
    }

    /** The standard calendar (rules and bundled tables) with the default office hours. */
    public static DeadlineCalculator standard() {
        return new DeadlineCalculator(WorkingCalendar.standard(), OfficeHours.DEFAULT);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public OfficeHours officeHours() {
        return hours;
    }

    /** The same arithmetic over another calendar (e.g. after an official table changed). */
    public DeadlineCalculator withCalendar(WorkingCalendar other) {
        return new DeadlineCalculator(other, hours);
    }

    /** The due instant of a statutory time counted from a receipt, whatever its unit. */
    public OffsetDateTime due(Instant receivedAt, StatutoryTime time) {
        return switch (time.unit()) {
            case WORKING_DAYS -> dueAfterWorkingDays(receivedAt, Math.toIntExact(time.amount()));
            case WORKING_HOURS -> plusWorkingTime(receivedAt, Duration.ofHours(time.amount()));
            case CALENDAR_DAYS -> dueAfterCalendarDays(receivedAt, time.amount());
        };
    }

    /**
     * The due instant under the unit's cut-off (giờ tiếp nhận cuối ngày, docs/LEGAL-BASIS.md): a same-day
     * procedure ({@link #sameDay}) received on a working day at or after {@code sameDayCutoff} counts from the next
     * working day's opening, so "in the day" means the next working day; any other receipt as {@link #due}. A null
     * cut-off is none.
     */
    public OffsetDateTime due(Instant receivedAt, StatutoryTime time, LocalTime sameDayCutoff) {
        return due(sameDay(time) ? countsFrom(receivedAt, sameDayCutoff) : receivedAt, time);
    }

    /**
     * When the time of a receipt starts to count under a cut-off: received on a working day at or after
     * {@code cutoff}, the opening of the next working day; else the receipt itself (whose day the calendar already
     * moves when it falls after closing or on a day off). A null cut-off is none.
     */
    public Instant countsFrom(Instant receivedAt, LocalTime cutoff) {
        if (cutoff == null) {
            return receivedAt;
        }
        LocalDateTime local = local(receivedAt);
        if (!calendar.isWorkingDay(local.toLocalDate()) || local.toLocalTime().isBefore(cutoff)) {
            return receivedAt;
        }
        return openingAfter(local.toLocalDate()).toInstant();
    }

    /** The opening of office hours on the first working day after {@code day}, at +07:00. */
    public OffsetDateTime openingAfter(LocalDate day) {
        return OffsetDateTime.of(calendar.nextWorkingDay(day), hours.morningStart(), EventJson.VIETNAM);
    }

    /**
     * A procedure settled within the day it is received (giải quyết trong ngày): no working day beyond the day of
     * receipt, or working hours that fit in one working day.
     */
    public boolean sameDay(StatutoryTime time) {
        return switch (time.unit()) {
            case WORKING_DAYS, CALENDAR_DAYS -> time.amount() == 0;
            case WORKING_HOURS -> Duration.ofHours(time.amount()).compareTo(hours.workingDay()) <= 0;
        };
    }

    /**
     * N working days: the close of office hours of the Nth working day after the day of receipt
     * (the intake contract). Received on Friday 16:59 with N = 1: Monday 17:00; on Friday 17:01,
     * counted from Monday: Tuesday 17:00.
     */
    public OffsetDateTime dueAfterWorkingDays(Instant receivedAt, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days cannot be negative: " + workingDays);
        }
        return closeOf(calendar.plusWorkingDays(receiptDay(receivedAt), workingDays));
    }

    /**
     * N calendar days: the day of receipt plus N days; if that is a rest day or a day off, the next
     * working day (Civil Code 2015, 91/2015/QH13, Art. 147(1): the first day is not counted;
     * Art. 148(5): a period ending on a weekly rest day or holiday ends with the next working day).
     */
    public OffsetDateTime dueAfterCalendarDays(Instant receivedAt, long days) {
        if (days < 0) {
            throw new IllegalArgumentException("calendar days cannot be negative: " + days);
        }
        LocalDate due = receiptDay(receivedAt).plusDays(days);
        return closeOf(calendar.isWorkingDay(due) ? due : calendar.nextWorkingDay(due));
    }

    /**
     * The day a receipt counts from: its own day if that is a working day and office hours have not
     * closed, else the next working day.
     */
    public LocalDate receiptDay(Instant receivedAt) {
        LocalDateTime local = local(receivedAt);
        LocalDate day = local.toLocalDate();
        if (calendar.isWorkingDay(day) && local.toLocalTime().isBefore(hours.afternoonEnd())) {
            return day;
        }
        return calendar.nextWorkingDay(day);
    }

    /** Working time between two instants (negative if {@code to} is before {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        return Duration.ofNanos(position(to) - position(from));
    }

    /**
     * The earliest instant at which {@code workingTime} of office time has passed since {@code from}
     * (a negative amount counts backwards). Used for deadlines in hours and to resume a paused clock.
     */
    public OffsetDateTime plusWorkingTime(Instant from, Duration workingTime) {
        return at(position(from) + workingTime.toNanos());
    }

    /**
     * When to warn that a deadline approaches: {@code workingDays} working days of office time before
     * {@code due} (e.g. due Monday 17:00, one day before: Friday 17:00).
     */
    public OffsetDateTime warningAt(Instant due, int workingDays) {
        return at(position(due) - workingDays * dayNanos);
    }

    /** The close of office hours of a day, at +07:00. */
    public OffsetDateTime closeOf(LocalDate day) {
        return OffsetDateTime.of(day, hours.afternoonEnd(), EventJson.VIETNAM);
    }

    /** Working nanoseconds from 2000-01-01 to the instant. */
    long position(Instant instant) {
        LocalDateTime local = local(instant);
        int index = WorkingCalendar.index(local.toLocalDate());
        long before = calendar.rankBefore(index) * dayNanos;
        return calendar.isWorkingIndex(index) ? before + hours.elapsedAt(local.toLocalTime().toNanoOfDay()) : before;
    }

    /** The earliest instant at a position (the inverse of {@link #position}). */
    OffsetDateTime at(long position) {
        if (position <= 0) {
            return OffsetDateTime.of(calendar.dayOfRank(0), hours.morningStart(), EventJson.VIETNAM);
        }
        long rank = (position - 1) / dayNanos;
        LocalDate day = calendar.dayOfRank(rank);
        long nanoOfDay = hours.timeAt(position - rank * dayNanos);
        return OffsetDateTime.of(day.atStartOfDay().plusNanos(nanoOfDay), EventJson.VIETNAM);
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, EventJson.VIETNAM);
    }
}
