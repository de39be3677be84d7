package vn.motcua.shared.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VietnameseLunarCalendarTest {

    /**
     * Tết (mùng 1 tháng Giêng) and Giỗ Tổ Hùng Vương (10 tháng 3) 2019–2030, with the leap month of
     * each lunar year (0: none). Source: Hồ Ngọc Đức, "Âm lịch Việt Nam",
     * https://www.informatik.uni-leipzig.de/~duc/amlich/ — the year table of its calendar (amlich.js,
     * TK21, years 2000–2099, computed for UTC+7), decoded for these years: every date and leap month
     * below is that table's. Tết 2019–2026 also agrees with the Government's yearly notices in
     * official-days-off.json ("tức ngày … tháng Chạp"), Giỗ Tổ 2019–2026 with their Giỗ Tổ day off.
     * Over 2000–2099 ICU4J at UTC+7 agrees with the same table on every Tết and Giỗ Tổ; 7 of 1,237
     * other month starts differ by a day, none in months 1, 3 or 12 (docs/calendar.md).
     */
    @ParameterizedTest(name = "{0}: Tết {1}, Giỗ Tổ {2}, leap month {3}")
    @CsvSource({
            "2019, 2019-02-05, 2019-04-14, 0",
            "2020, 2020-01-25, 2020-04-02, 4",
            "2021, 2021-02-12, 2021-04-21, 0",
            "2022, 2022-02-01, 2022-04-10, 0",
            "2023, 2023-01-22, 2023-04-29, 2",
            "2024, 2024-02-10, 2024-04-18, 0",
            "2025, 2025-01-29, 2025-04-07, 6",
            "2026, 2026-02-17, 2026-04-26, 0",
            "2027, 2027-02-06, 2027-04-16, 0",
            "2028, 2028-01-26, 2028-04-04, 5",
            "2029, 2029-02-13, 2029-04-23, 0",
            "2030, 2030-02-02, 2030-04-12, 0",
    })
    void tetAndHungKingsCommemoration(int year, LocalDate tet, LocalDate gioTo, int leapMonth) {
        assertEquals(tet, VietnameseLunarCalendar.tet(year));
        assertEquals(leapMonth, VietnameseLunarCalendar.leapMonth(year));
        assertEquals(tet, VietnameseLunarCalendar.toSolar(LunarDate.of(year, 1, 1)));
        assertEquals(gioTo, VietnameseLunarCalendar.toSolar(LunarDate.of(year, 3, 10)));
        assertEquals(LunarDate.of(year, 3, 10), VietnameseLunarCalendar.toLunar(gioTo));
        // And the standard calendar (official tables to 2026, rules after) lists both as holidays.
        for (LocalDate holiday : List.of(tet, gioTo)) {
            assertTrue(WorkingCalendar.standard().entries(year).stream()
                    .anyMatch(e -> e.date().equals(holiday) && e.kind() == DayKind.HOLIDAY), holiday::toString);
            assertFalse(WorkingCalendar.standard().isWorkingDay(holiday), holiday::toString);
        }
    }

    /**
     * Years in which Vietnam (UTC+7) and China (UTC+8) celebrate Tết on different days: 1968 (the
     * year North Vietnam moved to UTC+7, the Tết Offensive), 1985 (a whole month apart), and the three
     * cases of the 21st century, 2007, 2030 and 2053 (Hồ Ngọc Đức, "Âm lịch Việt Nam"; Wikipedia,
     * "Vietnamese calendar").
     */
    @ParameterizedTest(name = "Tết {0}: Vietnam {1}")
    @CsvSource({
            "1968, 1968-01-29",
            "1985, 1985-01-21",
            "2007, 2007-02-17",
            "2030, 2030-02-02",
            "2053, 2053-02-18",
    })
    void tetInVietnamsTimeZone(int year, LocalDate tet) {
        assertEquals(tet, VietnameseLunarCalendar.tet(year));
    }

    /** ICU's own ChineseCalendar (UTC+8) disagrees where China's calendar does. */
    @ParameterizedTest(name = "Tết {0}: China {1}")
    @CsvSource({"1968, 1968-01-30", "1985, 1985-02-20", "2007, 2007-02-18", "2053, 2053-02-19"})
    void chinaDiffers(int year, LocalDate chineseTet) {
        ChineseCalendar china = new ChineseCalendar(TimeZone.GMT_ZONE);
        china.clear();
        china.set(Calendar.EXTENDED_YEAR, year);
        china.set(Calendar.MONTH, 0);
        china.set(Calendar.DAY_OF_MONTH, 1);
        assertEquals(chineseTet, LocalDate.ofEpochDay(china.get(Calendar.JULIAN_DAY) - 2_440_588L));
        assertNotEquals(chineseTet, VietnameseLunarCalendar.tet(year));
    }

    @Test
    void leapMonths() {
        // 2020: tháng 4 nhuận; 2023: tháng 2 nhuận; 2025: tháng 6 nhuận.
        assertEquals(4, VietnameseLunarCalendar.leapMonth(2020));
        assertEquals(2, VietnameseLunarCalendar.leapMonth(2023));
        assertEquals(6, VietnameseLunarCalendar.leapMonth(2025));
        assertEquals(0, VietnameseLunarCalendar.leapMonth(2024));
        assertEquals(LocalDate.of(2020, 5, 23), VietnameseLunarCalendar.toSolar(new LunarDate(2020, 4, 1, true)));
        assertEquals(LocalDate.of(2020, 4, 23), VietnameseLunarCalendar.toSolar(LunarDate.of(2020, 4, 1)));
        assertEquals(LocalDate.of(2023, 3, 22), VietnameseLunarCalendar.toSolar(new LunarDate(2023, 2, 1, true)));
        assertEquals(LocalDate.of(2025, 7, 25), VietnameseLunarCalendar.toSolar(new LunarDate(2025, 6, 1, true)));
        assertEquals(new LunarDate(2025, 6, 15, true), VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 8, 8)));
        assertThrows(DateTimeException.class, () -> VietnameseLunarCalendar.toSolar(new LunarDate(2024, 6, 1, true)));
    }

    @Test
    void beforeTetBelongsToThePreviousLunarYear() {
        // 28 Jan 2025 is 29 tháng Chạp (the last day) of lunar year 2024.
        assertEquals(LunarDate.of(2024, 12, 29), VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 1, 28)));
        assertThrows(DateTimeException.class, () -> VietnameseLunarCalendar.toSolar(LunarDate.of(2024, 12, 30)));
    }

    @Test
    void everyDayOf2000To2099RoundTrips() {
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() < 2100; d = d.plusDays(1)) {
            LunarDate lunar = VietnameseLunarCalendar.toLunar(d);
            assertEquals(d, VietnameseLunarCalendar.toSolar(lunar), lunar::toString);
        }
    }

    @Test
    void concurrentUseAgreesWithSequential() {
        // Years not used by the other tests, so they are computed concurrently here.
        List<LocalDate> parallel = IntStream.rangeClosed(2101, 2200).parallel().mapToObj(VietnameseLunarCalendar::tet).toList();
        List<LocalDate> sequential = IntStream.rangeClosed(2101, 2200).mapToObj(VietnameseLunarCalendar::tet).toList();
        assertEquals(sequential, parallel);
    }
}
