package vn.motcua.shared.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Conversion between Gregorian and Vietnamese lunar dates (âm lịch).
 *
 * <p>Why not a Chinese-calendar library as is: the lunisolar rules are the same, but the day on which
 * a new moon falls depends on the time zone the astronomy is done in. Vietnam has reckoned in UTC+7
 * since 1967, China in UTC+8, so in some years Tết falls on different days (1985-01-21 in Vietnam,
 * 1985-02-20 in China; 2007-02-17 vs 2007-02-18; 2030 and 2053 likewise). ICU4J's
 * {@link ChineseCalendar} takes the astronomical zone in a protected constructor, which we use with
 * UTC+7 rather than writing our own lunar algorithm.
 *
 * <p>Thread safety: ICU calendars are mutable and not thread-safe, so none is shared. Each lunar year
 * is computed once, with a calendar local to that computation, into an immutable {@link LunarYear}
 * kept in a concurrent cache; conversions afterwards are plain array look-ups.
 */
public final class VietnameseLunarCalendar {
    /** Vietnam's reckoning zone for the astronomy (not a civil zone: no daylight saving). */
    private static final TimeZone UTC_PLUS_7 = new SimpleTimeZone(7 * 3_600_000, "UTC+07:00");
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** ICU's astronomy is reliable well beyond this; the bound keeps the cache finite. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;

    private static final ConcurrentMap<Integer, LunarYear> YEARS = new ConcurrentHashMap<>();

    private VietnameseLunarCalendar() {
    }

    /** The Gregorian date of a lunar date; rejects a day or leap month the year does not have. */
    public static LocalDate toSolar(LunarDate date) {
        return LocalDate.ofEpochDay(year(date.year()).epochDay(date));
    }

    /** The lunar date of a Gregorian date. */
    public static LunarDate toLunar(LocalDate date) {
        LunarYear year = year(date.getYear());
        if (date.toEpochDay() < year.firstDay()) {
            year = year(date.getYear() - 1);
        }
        return year.lunarDate(date.toEpochDay());
    }

    /** Tết Nguyên đán, the first day of the lunar year that begins in Gregorian year {@code year}. */
    public static LocalDate tet(int year) {
        return LocalDate.ofEpochDay(year(year).firstDay());
    }

    /** The leap month (tháng nhuận) of a lunar year, or 0 if it has none. */
    public static int leapMonth(int year) {
        return year(year).leapMonth();
    }

    static LunarYear year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DateTimeException("lunar year out of supported range " + MIN_YEAR + "–" + MAX_YEAR + ": " + year);
        }
        return YEARS.computeIfAbsent(year, VietnameseLunarCalendar::compute);
    }

    private static LunarYear compute(int year) {
        ChineseCalendar calendar = new VietnamAstronomy();
        long first = firstDay(calendar, year);
        long next = firstDay(calendar, year + 1);
        int[] months = new int[13];
        long[] starts = new long[14];
        int count = 0;
        int leap = 0;
        for (long start = first; start < next; count++) {
            calendar.setTimeInMillis(start * MILLIS_PER_DAY);
            int month = calendar.get(Calendar.MONTH) + 1;
            if (calendar.get(ChineseCalendar.IS_LEAP_MONTH) == 1) {
                leap = month;
                month = -month;
            }
            months[count] = month;
            starts[count] = start;
            start += calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
        }
        starts[count] = next;
        return new LunarYear(year, leap, java.util.Arrays.copyOf(months, count), java.util.Arrays.copyOf(starts, count + 1));
    }

    private static long firstDay(ChineseCalendar calendar, int year) {
        calendar.clear();
        // Since ICU 74 the extended year of ChineseCalendar is the related Gregorian year.
        calendar.set(Calendar.EXTENDED_YEAR, year);
        calendar.set(Calendar.MONTH, 0);
        calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, 1);
        return calendar.get(Calendar.JULIAN_DAY) - JULIAN_DAY_OF_EPOCH;
    }

    /** The protected constructor is the only way to give ICU the astronomical zone. */
    private static final class VietnamAstronomy extends ChineseCalendar {
        private static final long serialVersionUID = 1L;

        VietnamAstronomy() {
            // Civil zone GMT so that millis at midnight UTC map to the intended Gregorian date.
            super(TimeZone.GMT_ZONE, ULocale.ROOT, UTC_PLUS_7);
        }
    }

    /**
     * One lunar year as immutable data: month numbers (negative for the leap month) and the epoch
     * day on which each month starts, plus the start of the next year.
     */
    record LunarYear(int year, int leapMonth, int[] months, long[] starts) {
        long firstDay() {
            return starts[0];
        }

        long epochDay(LunarDate date) {
            int wanted = date.leapMonth() ? -date.month() : date.month();
            for (int i = 0; i < months.length; i++) {
                if (months[i] == wanted) {
                    long day = starts[i] + date.day() - 1;
                    if (day >= starts[i + 1]) {
                        throw new DateTimeException("lunar month " + date.month() + " of " + year + " has "
                                + (starts[i + 1] - starts[i]) + " days: " + date);
                    }
                    return day;
                }
            }
            throw new DateTimeException("lunar year " + year + " has no leap month " + date.month() + ": " + date);
        }

        LunarDate lunarDate(long epochDay) {
            for (int i = months.length - 1; i >= 0; i--) {
                if (epochDay >= starts[i]) {
                    return new LunarDate(year, Math.abs(months[i]), (int) (epochDay - starts[i]) + 1, months[i] < 0);
                }
            }
            throw new IllegalStateException("epoch day " + epochDay + " precedes lunar year " + year);
        }
    }
}
