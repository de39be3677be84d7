package vn.motcua.shared.events;

/** A length of time in one unit, e.g. the statutory time of a procedure (thời hạn giải quyết) or a step's share. */
public record StatutoryTime(int value, DurationUnit unit) {
    public StatutoryTime {
        if (value < 0) {
            throw new IllegalArgumentException("time cannot be negative: " + value);
        }
    }

    public static StatutoryTime workingDays(int days) {
        return new StatutoryTime(days, DurationUnit.WORKING_DAYS);
    }

    public static StatutoryTime workingHours(int hours) {
        return new StatutoryTime(hours, DurationUnit.WORKING_HOURS);
    }
}
