package vn.motcua.shared.calendar;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.shared.calendar.Fixtures.RULES;
import static vn.motcua.shared.calendar.Fixtures.WITH_SWAP_2025;

class WorkingCalendarTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertTrue(RULES.isWorkingDay(d("2025-03-07")));
        assertFalse(RULES.isWorkingDay(d("2025-03-08")));
        assertFalse(RULES.isWorkingDay(d("2025-01-01")));
        assertFalse(RULES.isWorkingDay(d("2025-01-27")), "Tết, 28 tháng Chạp");
        assertFalse(RULES.isWorkingDay(d("2023-01-26")), "substitute for Tết on Sunday 22 Jan 2023");
        assertTrue(RULES.isWorkingDay(d("2025-05-02")), "no swap without the official table");
    }

    @Test
    void officialSwap2025() {
        assertTrue(WITH_SWAP_2025.isWorkingDay(d("2025-04-26")), "Saturday 26 Apr is worked");
        for (LocalDate day = d("2025-04-30"); !day.isAfter(d("2025-05-04")); day = day.plusDays(1)) {
            assertFalse(WITH_SWAP_2025.isWorkingDay(day), day::toString);
        }
        assertEquals(d("2025-05-05"), WITH_SWAP_2025.nextWorkingDay(d("2025-04-29")));
        assertEquals(d("2025-04-26"), WITH_SWAP_2025.previousWorkingDay(d("2025-04-28")));
        // A swap moves a working day, it does not remove one: Sat 26 Apr, Mon 28, Tue 29 vs Mon, Tue, Fri 2 May.
        assertEquals(3, WITH_SWAP_2025.workingDaysBetween(d("2025-04-26"), d("2025-05-05")));
        assertEquals(3, RULES.workingDaysBetween(d("2025-04-26"), d("2025-05-05")));
        assertEquals(1, WITH_SWAP_2025.workingDaysBetween(d("2025-04-26"), d("2025-04-27")));
        assertEquals(0, RULES.workingDaysBetween(d("2025-04-26"), d("2025-04-27")));
    }

    @Test
    void entriesAreSortedAndListHolidaysOnRestDays() {
        List<CalendarEntry> entries = WITH_SWAP_2025.entries(2025);
        assertEquals(entries.stream().sorted().toList(), entries);
        assertTrue(RULES.entries(2023).contains(new CalendarEntry(d("2023-01-21"), DayKind.HOLIDAY, "Tết Nguyên đán (30 tháng Chạp)")),
                "Saturday, still listed");
        assertTrue(entries.stream().anyMatch(e -> e.kind() == DayKind.MAKEUP_WORKDAY && e.date().equals(d("2025-04-26"))));
        assertEquals(HolidayRules.prefill(2024), WITH_SWAP_2025.entries(2024));
    }

    @Test
    void aTableReplacesItsYearWhole() {
        OfficialYear onlyNewYear = new OfficialYear(2030, List.of(),
                List.of(new CalendarEntry(d("2030-01-01"), DayKind.HOLIDAY, "Tết Dương lịch")));
        WorkingCalendar calendar = RULES.withOfficialYear(onlyNewYear);
        assertEquals(onlyNewYear.entries(), calendar.entries(2030));
        assertTrue(calendar.isWorkingDay(d("2030-04-30")));
        assertFalse(calendar.withoutOfficialYear(2030).isWorkingDay(d("2030-04-30")));
        assertTrue(calendar.officialYear(2030).isPresent());
        assertTrue(RULES.officialYear(2030).isEmpty());
    }

    @Test
    void aTableMayReachIntoTheNeighbouringYear() {
        // As for Tết Dương lịch 2019: Mon 31 Dec 2018 off, Sat 5 Jan 2019 worked.
        List<CalendarEntry> entries = new java.util.ArrayList<>(HolidayRules.prefill(2019));
        entries.add(new CalendarEntry(d("2018-12-31"), DayKind.DAY_OFF, "Nghỉ hoán đổi Tết Dương lịch"));
        entries.add(new CalendarEntry(d("2019-01-05"), DayKind.MAKEUP_WORKDAY, "Làm bù cho ngày 31/12/2018"));
        WorkingCalendar calendar = RULES.withOfficialYear(new OfficialYear(2019, List.of(), entries));
        assertFalse(calendar.isWorkingDay(d("2018-12-31")));
        assertTrue(calendar.isWorkingDay(d("2019-01-05")));
        assertTrue(calendar.entries(2018).stream().anyMatch(e -> e.date().equals(d("2018-12-31"))));
        assertTrue(calendar.entries(2019).stream().noneMatch(e -> e.date().getYear() == 2018));
    }

    @Test
    void invalidTablesAreRejected() {
        CalendarEntry off = new CalendarEntry(d("2025-04-26"), DayKind.DAY_OFF, "Nghỉ");
        CalendarEntry work = new CalendarEntry(d("2025-04-26"), DayKind.MAKEUP_WORKDAY, "Làm bù");
        assertThrows(IllegalArgumentException.class, () -> new OfficialYear(2025, List.of(), List.of(off, work)));
        assertThrows(IllegalArgumentException.class, () -> new CalendarEntry(d("2025-04-30"), DayKind.MAKEUP_WORKDAY, "Làm bù"));
        assertThrows(IllegalArgumentException.class, () -> new CalendarEntry(d("2025-04-30"), DayKind.HOLIDAY, " "));
        assertThrows(DateTimeException.class, () -> RULES.withOfficialYear(new OfficialYear(2100, List.of(), List.of())));
    }

    @Test
    void rangeIs2000To2099() {
        assertThrows(DateTimeException.class, () -> RULES.isWorkingDay(d("1999-12-31")));
        assertThrows(DateTimeException.class, () -> RULES.isWorkingDay(d("2100-01-01")));
        assertThrows(DateTimeException.class, () -> RULES.nextWorkingDay(d("2099-12-31")));
        assertThrows(DateTimeException.class, () -> RULES.previousWorkingDay(d("2000-01-03")));
        assertEquals(d("2000-01-04"), RULES.nextWorkingDay(d("2000-01-01")), "Mon 3 Jan 2000 is the substitute for Sat 1 Jan");
        assertEquals(1, RULES.workingDaysBetween(d("2099-12-31"), d("2100-01-01")), "a Thursday");
    }

    @Test
    void jsonRoundTripAndBundledFile() {
        String json = OfficialTables.write(List.of(Fixtures.SWAP_2025));
        assertTrue(json.contains("\"kind\":\"MAKEUP_WORKDAY\""), json);
        assertTrue(json.contains("Giỗ Tổ Hùng Vương"));
        assertEquals(List.of(Fixtures.SWAP_2025),
                OfficialTables.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        String wednesday = "{\"years\":[{\"year\":2025,\"entries\":[{\"date\":\"2025-04-30\",\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"x\"}]}]}";
        assertThrows(IllegalArgumentException.class,
                () -> OfficialTables.read(new ByteArrayInputStream(wednesday.getBytes(StandardCharsets.UTF_8))));

        List<OfficialYear> bundled = OfficialTables.bundled();
        for (OfficialYear year : bundled) {
            assertFalse(year.sources().isEmpty(), "every bundled table cites its source: " + year.year());
        }
        assertSame(WorkingCalendar.standard(), WorkingCalendar.standard());
        assertEquals(bundled, WorkingCalendar.standard().officialYears());
    }

    @Test
    void agreesWithADayByDayWalk() {
        int count = 0;
        for (LocalDate cursor = d("2000-01-01"); cursor.getYear() < 2100; cursor = cursor.plusDays(1)) {
            LocalDate day = cursor;
            assertEquals(count, RULES.workingDaysBetween(d("2000-01-01"), day));
            boolean working = !CalendarEntry.isWeekend(day)
                    && RULES.entries(day.getYear()).stream().noneMatch(e -> e.date().equals(day));
            assertEquals(working, RULES.isWorkingDay(day), day::toString);
            if (working) {
                count++;
            }
        }
    }
}
