package vn.motcua.shared.calendar;

/** What a calendar entry does to a day (the {@code kind} of {@code GET /api/calendar/holidays}). */
public enum DayKind {
    /** A statutory holiday (ngày nghỉ lễ, tết) on its own date, listed even when that is a rest day. */
    HOLIDAY,
    /** A day off that is not itself a holiday: a substitute day (nghỉ bù) or a swapped day (hoán đổi). */
    DAY_OFF,
    /** A Saturday or Sunday that is worked in exchange for a swapped day off (ngày làm bù). */
    MAKEUP_WORKDAY
}
