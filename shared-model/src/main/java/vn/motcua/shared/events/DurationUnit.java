package vn.motcua.shared.events;

/** How a statutory time or a step's share of it is counted. Half days are written as 4 working hours. */
public enum DurationUnit {
    /** Ngày làm việc: weekends, holidays and official days off do not count. */
    WORKING_DAYS,
    /** Giờ làm việc: 8 per working day, in the morning and afternoon sessions. */
    WORKING_HOURS,
    /** Ngày (calendar days): every day counts. */
    CALENDAR_DAYS
}
