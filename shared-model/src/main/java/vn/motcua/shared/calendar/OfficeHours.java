package vn.motcua.shared.calendar;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The office hours (giờ hành chính) of a working day: a morning and an afternoon session, in
 * Vietnam's local time. The default 07:30–11:30 and 13:00–17:00 makes the 8-hour day of the law
 * (40 hours a week, Decision 188/1999/QĐ-TTg); provinces set their own within it.
 *
 * <p>Working time is counted only inside the sessions; the lunch break, evenings, rest days and
 * days off count for nothing.
 */
public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd) {
    public static final OfficeHours DEFAULT =
            new OfficeHours(LocalTime.of(7, 30), LocalTime.of(11, 30), LocalTime.of(13, 0), LocalTime.of(17, 0));

    public OfficeHours {
        if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart) && afternoonStart.isBefore(afternoonEnd))) {
            throw new IllegalArgumentException("office hours out of order: " + morningStart + "–" + morningEnd + ", "
                    + afternoonStart + "–" + afternoonEnd);
        }
    }

    /** The working time of one full working day (8 hours by default). */
    public Duration workingDay() {
        return Duration.ofNanos(dayNanos());
    }

    long dayNanos() {
        return morningNanos() + (afternoonEnd.toNanoOfDay() - afternoonStart.toNanoOfDay());
    }

    private long morningNanos() {
        return morningEnd.toNanoOfDay() - morningStart.toNanoOfDay();
    }

    /** Working time of a working day elapsed at this time of day (0 before opening, full after closing). */
    long elapsedAt(long nanoOfDay) {
        long morning = clamp(nanoOfDay, morningStart.toNanoOfDay(), morningEnd.toNanoOfDay()) - morningStart.toNanoOfDay();
        long afternoon = clamp(nanoOfDay, afternoonStart.toNanoOfDay(), afternoonEnd.toNanoOfDay()) - afternoonStart.toNanoOfDay();
        return morning + afternoon;
    }

    /** The earliest time of day at which {@code elapsed} working time has passed (inverse of {@link #elapsedAt}). */
    long timeAt(long elapsed) {
        if (elapsed <= 0) {
            return morningStart.toNanoOfDay();
        }
        long morning = morningNanos();
        if (elapsed <= morning) {
            return morningStart.toNanoOfDay() + elapsed;
        }
        return afternoonStart.toNanoOfDay() + (elapsed - morning);
    }

    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }
}
