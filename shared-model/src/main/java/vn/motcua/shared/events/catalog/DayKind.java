package vn.motcua.shared.events.catalog;

/** The kinds of entry in a year's official calendar table. */
public enum DayKind {
    /** A statutory public holiday (Labour Code 2019 Art. 112), on its own date even on a rest day. */
    HOLIDAY,
    /** A substitute day or a swapped day off. */
    DAY_OFF,
    /** A Saturday or Sunday made a working day in exchange (ngày làm bù). */
    MAKEUP_WORKDAY
}
