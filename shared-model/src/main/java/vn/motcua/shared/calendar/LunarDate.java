package vn.motcua.shared.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch).
 *
 * @param year      the lunar year, numbered by the Gregorian year in which its Tết (1/1) falls
 * @param month     1–12; a leap month (tháng nhuận) repeats the number of the month before it
 * @param day       1–30
 * @param leapMonth whether {@code month} is the leap month of the year
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {
    public LunarDate {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("not a lunar date: " + day + "/" + month + (leapMonth ? " (nhuận)" : "") + "/" + year);
        }
    }

    /** A date in a regular (non-leap) month. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year + " ÂL";
    }
}
