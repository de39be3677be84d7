package vn.motcua.shared.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.shared.calendar.DayKind.DAY_OFF;
import static vn.motcua.shared.calendar.DayKind.HOLIDAY;

class HolidayRulesTest {

    private static CalendarEntry holiday(String date, String name) {
        return new CalendarEntry(LocalDate.parse(date), HOLIDAY, name);
    }

    private static CalendarEntry dayOff(String date, String name) {
        return new CalendarEntry(LocalDate.parse(date), DAY_OFF, name);
    }

    @Test
    void year2025ByTheLabourCode2019() {
        assertEquals(List.of(
                holiday("2025-01-01", "Tết Dương lịch"),
                holiday("2025-01-27", "Tết Nguyên đán (28 tháng Chạp)"),
                holiday("2025-01-28", "Tết Nguyên đán (29 tháng Chạp)"),
                holiday("2025-01-29", "Tết Nguyên đán (mùng 1)"),
                holiday("2025-01-30", "Tết Nguyên đán (mùng 2)"),
                holiday("2025-01-31", "Tết Nguyên đán (mùng 3)"),
                holiday("2025-04-07", "Giỗ Tổ Hùng Vương"),
                holiday("2025-04-30", "Ngày Chiến thắng"),
                holiday("2025-05-01", "Ngày Quốc tế Lao động"),
                holiday("2025-09-01", "Quốc khánh"),
                holiday("2025-09-02", "Quốc khánh")), HolidayRules.prefill(2025));
    }

    @Test
    void holidaysOnRestDaysGiveSubstitutesAfterTheWholeBreak() {
        // 2023: Giỗ Tổ Sat 29 Apr, 30 Apr Sun, 1 May Mon: substitutes Tue 2 and Wed 3 May (as announced).
        List<CalendarEntry> y2023 = HolidayRules.prefill(2023);
        assertTrue(y2023.contains(dayOff("2023-05-02", "Nghỉ bù Giỗ Tổ Hùng Vương")));
        assertTrue(y2023.contains(dayOff("2023-05-03", "Nghỉ bù Ngày Chiến thắng")));
        // 2023: 2 Sep Sat, so 1 Sep (Fri) is the adjacent day and Mon 4 Sep the substitute.
        assertTrue(y2023.contains(holiday("2023-09-01", "Quốc khánh")));
        assertTrue(y2023.contains(dayOff("2023-09-04", "Nghỉ bù Quốc khánh")));
        // 2023 Tết 20–24 Jan: 21 Jan (Sat, 30 tháng Chạp) and 22 Jan (Sun, mùng 1) give Wed 25 and Thu 26 Jan.
        assertTrue(y2023.containsAll(List.of(
                holiday("2023-01-21", "Tết Nguyên đán (30 tháng Chạp)"), holiday("2023-01-22", "Tết Nguyên đán (mùng 1)"),
                dayOff("2023-01-25", "Nghỉ bù Tết Nguyên đán"), dayOff("2023-01-26", "Nghỉ bù Tết Nguyên đán"))));
    }

    /** The adjacent day of Quốc khánh chosen by the Government in 2021–2025 is what the rule picks. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2021, 2021-09-03", "2022, 2022-09-01", "2023, 2023-09-01", "2024, 2024-09-03", "2025, 2025-09-01"})
    void nationalDayAdjacentDay(int year, LocalDate adjacent) {
        assertTrue(HolidayRules.prefill(year).contains(new CalendarEntry(adjacent, HOLIDAY, "Quốc khánh")));
    }

    @Test
    void earlierYearsFollowTheLawInForceThen() {
        assertEquals(4, count(2006, "Tết Nguyên đán"));
        assertEquals(0, count(2006, "Giỗ Tổ Hùng Vương"), "Giỗ Tổ became a holiday in 2007");
        assertEquals(1, count(2007, "Giỗ Tổ Hùng Vương"));
        assertEquals(4, count(2013, "Tết Nguyên đán"), "the 2012 Code took effect on 1 May 2013");
        assertEquals(5, count(2014, "Tết Nguyên đán"));
        assertEquals(1, count(2020, "Quốc khánh"));
        assertEquals(2, count(2021, "Quốc khánh"));
    }

    @Test
    void everyYearOfTheRange() {
        for (int year = HolidayRules.FIRST_YEAR; year <= HolidayRules.LAST_YEAR; year++) {
            List<CalendarEntry> entries = HolidayRules.prefill(year);
            long holidays = entries.stream().filter(e -> e.kind() == HOLIDAY).count();
            long expected = year >= 2021 ? 11 : year >= 2014 ? 10 : year >= 2007 ? 9 : 8;
            assertEquals(expected, holidays, "holidays in " + year);
            long onRestDays = entries.stream().filter(e -> e.kind() == HOLIDAY && CalendarEntry.isWeekend(e.date())).count();
            assertTrue(entries.stream().filter(e -> e.kind() == DAY_OFF).count() >= onRestDays, "substitutes in " + year);
            for (CalendarEntry e : entries) {
                assertEquals(year, e.date().getYear());
                if (e.kind() == DAY_OFF) {
                    assertFalse(CalendarEntry.isWeekend(e.date()), e::toString);
                }
            }
            assertEquals(entries.stream().sorted().toList(), entries);
        }
        assertThrows(DateTimeException.class, () -> HolidayRules.prefill(1999));
        assertThrows(DateTimeException.class, () -> HolidayRules.prefill(2100));
    }

    private static long count(int year, String name) {
        return HolidayRules.prefill(year).stream().filter(e -> e.kind() == HOLIDAY && e.name().startsWith(name)).count();
    }
}
