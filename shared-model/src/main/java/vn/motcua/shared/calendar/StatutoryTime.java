package vn.motcua.shared.calendar;

/**
 * The time the law allows for a procedure or a step (thời hạn giải quyết), as data: an amount and
 * its unit. Most are in working days, some in working hours, a few in calendar days.
 */
public record StatutoryTime(long amount, Unit unit) {
    public enum Unit {
        /** Ngày làm việc: ends at the close of the Nth working day after the day of receipt. */
        WORKING_DAYS,
        /** Giờ làm việc: counted inside office hours only; 8 hours make a working day. */
        WORKING_HOURS,
        /** Ngày (calendar days): every day counts; a due day that is a day off moves to the next working day. */
        CALENDAR_DAYS
    }

    public StatutoryTime {
        if (amount < 0) {
            throw new IllegalArgumentException("statutory time cannot be negative: " + amount);
        }
        java.util.Objects.requireNonNull(unit, "unit");
    }

    public static StatutoryTime workingDays(long days) {
        return new StatutoryTime(days, Unit.WORKING_DAYS);
    }

    public static StatutoryTime workingHours(long hours) {
        return new StatutoryTime(hours, Unit.WORKING_HOURS);
    }

    public static StatutoryTime calendarDays(long days) {
        return new StatutoryTime(days, Unit.CALENDAR_DAYS);
    }
}
