package vn.motcua.shared.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statutory holidays of a year computed from the law in force in that year: the pre-fill of a
 * year's table where the Government's official table is not (yet) loaded.
 *
 * <ul>
 *   <li>Labour Code 1994 (Bộ luật Lao động 1994) Art. 73: 1 Jan; Tết Âm lịch 4 days ("one last day
 *       and three first days of the lunar year"); 30 Apr; 1 May; 2 Sep — one day each.</li>
 *   <li>Law 84/2007/QH11 amending Art. 73: adds Giỗ Tổ Hùng Vương (10/3 lunar), first observed 2007.</li>
 *   <li>Labour Code 2012 (10/2012/QH13) Art. 115, in force 1 May 2013: Tết Âm lịch 5 days, so from
 *       Tết 2014 (Tết 2013 fell before the code took effect).</li>
 *   <li>Labour Code 2019 (45/2019/QH14) Art. 112, in force 1 Jan 2021: Quốc khánh 2 days, 2 Sep
 *       "and one adjacent day before or after".</li>
 *   <li>Substitute days: a holiday on a weekly rest day gives a day off on the next working day
 *       (1994 Art. 73, 2012 Art. 115(3), 2019 Art. 111(3)). The weekly rest days of state agencies
 *       are Saturday and Sunday (Decision 188/1999/QĐ-TTg).</li>
 * </ul>
 *
 * <p>The law leaves two choices to the Government each year; the defaults are:
 * <ul>
 *   <li>Tết, 4 days (to 2013): the last day of the lunar year (29 or 30 tháng Chạp) and the first 3
 *       days of the new one, as the 1994 Code worded it.</li>
 *   <li>Tết, 5 days (from 2014): the last 2 days of the lunar year and the first 3 days of the new
 *       one. Decree 45/2013/NĐ-CP Art. 8 allowed "1 + 4" or "2 + 3"; since 2021 the Prime Minister
 *       fixes the days (2019 Code Art. 112(3)). The Government chose 2 + 3 in 2020, 2021, 2023, 2024
 *       and 2025 and 1 + 4 in 2022 and 2026; with substitute days the weekdays off were the same
 *       either way in every one of those years.</li>
 *   <li>The day adjacent to 2 Sep: whichever of 1 or 3 Sep joins the holiday to a weekend for the
 *       longest break, preferring a weekday (so no extra substitute day is needed) and then 1 Sep:
 *       Mon→3 Sep, Tue→1 Sep, Wed→1 Sep, Thu→3 Sep, Fri→1 Sep, Sat→1 Sep, Sun→3 Sep (by the weekday
 *       of 2 Sep). This matches the Government's choices of 2021–2025.</li>
 * </ul>
 * Swapped days and make-up Saturdays are never predicted: they exist only in official tables.
 */
public final class HolidayRules {
    /** The range of years the rules are written for (the calendar contract: 2000–2099). */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    static final String NEW_YEAR = "Tết Dương lịch";
    static final String TET = "Tết Nguyên đán";
    static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
    static final String VICTORY = "Ngày Chiến thắng";
    static final String LABOUR = "Ngày Quốc tế Lao động";
    static final String NATIONAL = "Quốc khánh";
    private static final String SUBSTITUTE = "Nghỉ bù ";

    private HolidayRules() {
    }

    /** The rule-based entries of a year, sorted by date: holidays and their substitute days. */
    public static List<CalendarEntry> prefill(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new DateTimeException("holiday rules cover " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
        List<CalendarEntry> holidays = new ArrayList<>();
        holidays.add(holiday(LocalDate.of(year, Month.JANUARY, 1), NEW_YEAR));
        LocalDate tet = VietnameseLunarCalendar.tet(year);
        int lastDaysOfYear = year >= 2014 ? 2 : 1;
        for (int i = -lastDaysOfYear; i <= 2; i++) {
            LocalDate day = tet.plusDays(i);
            holidays.add(holiday(day, TET + " (" + lunarDayName(day) + ")"));
        }
        if (year >= 2007) {
            holidays.add(holiday(VietnameseLunarCalendar.toSolar(LunarDate.of(year, 3, 10)), HUNG_KINGS));
        }
        holidays.add(holiday(LocalDate.of(year, Month.APRIL, 30), VICTORY));
        holidays.add(holiday(LocalDate.of(year, Month.MAY, 1), LABOUR));
        LocalDate national = LocalDate.of(year, Month.SEPTEMBER, 2);
        holidays.add(holiday(national, NATIONAL));
        if (year >= 2021) {
            holidays.add(holiday(national.plusDays(dayAdjacentToNationalDay(national.getDayOfWeek())), NATIONAL));
        }
        holidays.sort(null);
        return withSubstitutes(holidays);
    }

    /** "29 tháng Chạp", "mùng 1": how a Tết day is named. */
    private static String lunarDayName(LocalDate day) {
        LunarDate lunar = VietnameseLunarCalendar.toLunar(day);
        return lunar.month() == 1 ? "mùng " + lunar.day() : lunar.day() + " tháng Chạp";
    }

    /** +1 for 3 Sep, -1 for 1 Sep; see the class comment for why. */
    private static int dayAdjacentToNationalDay(DayOfWeek nationalDay) {
        return switch (nationalDay) {
            case MONDAY, THURSDAY, SUNDAY -> 1;
            case TUESDAY, WEDNESDAY, FRIDAY, SATURDAY -> -1;
        };
    }

    /**
     * Adds a substitute day for every holiday on a rest day, or on a date already taken by another
     * holiday, on the next day that is neither a rest day, a holiday nor another substitute.
     */
    private static List<CalendarEntry> withSubstitutes(List<CalendarEntry> holidays) {
        Set<LocalDate> off = new HashSet<>();
        for (CalendarEntry holiday : holidays) {
            off.add(holiday.date());
        }
        Set<LocalDate> counted = new HashSet<>();
        List<CalendarEntry> result = new ArrayList<>(holidays);
        for (CalendarEntry holiday : holidays) {
            boolean firstOnItsDate = counted.add(holiday.date());
            if (firstOnItsDate && !CalendarEntry.isWeekend(holiday.date())) {
                continue;
            }
            LocalDate substitute = holiday.date().plusDays(1);
            while (CalendarEntry.isWeekend(substitute) || off.contains(substitute)) {
                substitute = substitute.plusDays(1);
            }
            off.add(substitute);
            result.add(new CalendarEntry(substitute, DayKind.DAY_OFF, SUBSTITUTE + baseName(holiday.name())));
        }
        result.sort(null);
        return List.copyOf(result);
    }

    /** "Tết Nguyên đán (mùng 1)" → "Tết Nguyên đán". */
    private static String baseName(String name) {
        int bracket = name.indexOf(" (");
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    private static CalendarEntry holiday(LocalDate date, String name) {
        return new CalendarEntry(date, DayKind.HOLIDAY, name);
    }
}
