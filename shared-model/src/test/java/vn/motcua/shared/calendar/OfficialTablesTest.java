package vn.motcua.shared.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled official tables 2019–2026 (official-days-off.json, sources in the file). */
class OfficialTablesTest {
    private static final WorkingCalendar STANDARD = WorkingCalendar.standard();

    @Test
    void bundledYearsWithSources() {
        List<OfficialYear> years = OfficialTables.bundled();
        assertEquals(List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026), years.stream().map(OfficialYear::year).toList());
        for (OfficialYear year : years) {
            assertFalse(year.sources().isEmpty(), "sources of " + year.year());
            assertTrue(year.sources().stream().allMatch(s -> s.reference() != null && s.url() != null), "references of " + year.year());
        }
    }

    /**
     * The official swaps of 2024 and 2025, through the standard calendar and calculator: 2024, Monday
     * 29/4 off for Saturday 4/5 worked (2450/VPCP-KGVX and 1570/TB-BLĐTBXH, 12/04/2024); 2025, Friday
     * 2/5 off for Saturday 26/4 worked (8726/VPCP-KGVX, 26/11/2024; 6150/TB-BLĐTBXH, 03/12/2024).
     */
    @ParameterizedTest(name = "{0}: {1} off, {2} worked, break {3} – {4}")
    @CsvSource({
            "2024, 2024-04-29, 2024-05-04, 2024-04-27, 2024-05-01",
            "2025, 2025-05-02, 2025-04-26, 2025-04-30, 2025-05-04",
    })
    void officialSwapsOf2024And2025(int year, LocalDate off, LocalDate worked, LocalDate breakFrom, LocalDate breakTo) {
        assertFalse(STANDARD.isWorkingDay(off));
        assertTrue(STANDARD.isWorkingDay(worked));
        assertEquals(DayOfWeek.SATURDAY, worked.getDayOfWeek());
        assertTrue(STANDARD.entries(year).contains(entryOn(year, off, DayKind.DAY_OFF)));
        assertTrue(STANDARD.entries(year).contains(entryOn(year, worked, DayKind.MAKEUP_WORKDAY)));
        // One unbroken break, with working days on either side.
        for (LocalDate day = breakFrom; !day.isAfter(breakTo); day = day.plusDays(1)) {
            assertFalse(STANDARD.isWorkingDay(day), day::toString);
        }
        assertTrue(STANDARD.isWorkingDay(breakFrom.minusDays(1)));
        assertTrue(STANDARD.isWorkingDay(breakTo.plusDays(1)));
        // The rules alone (no table) would do the opposite on both days.
        assertTrue(Fixtures.RULES.isWorkingDay(off));
        assertFalse(Fixtures.RULES.isWorkingDay(worked));
    }

    private static CalendarEntry entryOn(int year, LocalDate date, DayKind kind) {
        return STANDARD.entries(year).stream().filter(e -> e.date().equals(date) && e.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " on " + date + " not in the " + year + " table"));
    }

    /** Deadlines across the swaps, as intake's {@code GET /api/calendar/deadline} would answer them. */
    @ParameterizedTest(name = "received {0}, {1} working days: due {2}")
    @CsvSource({
            // 2024: Sat 27/4 – Wed 1/5 off (Mon 29/4 swapped); Sat 4/5 worked.
            "2024-04-26T10:00, 1, 2024-05-02T17:00",
            "2024-04-26T17:30, 1, 2024-05-03T17:00",
            "2024-05-03T10:00, 1, 2024-05-04T17:00",
            "2024-05-04T09:00, 0, 2024-05-04T17:00",
            "2024-05-04T09:00, 1, 2024-05-06T17:00",
            "2024-04-25T10:00, 5, 2024-05-06T17:00",
            // 2025: Sat 26/4 worked; Wed 30/4 – Sun 4/5 off (Fri 2/5 swapped).
            "2025-04-25T10:00, 1, 2025-04-26T17:00",
            "2025-04-26T08:00, 1, 2025-04-28T17:00",
            "2025-04-25T10:00, 3, 2025-04-29T17:00",
            "2025-04-25T10:00, 4, 2025-05-05T17:00",
            "2025-04-29T17:01, 1, 2025-05-06T17:00",
            "2025-05-01T10:00, 0, 2025-05-05T17:00",
            // 2019: Mon 31/12/2018 off for Sat 5/1/2019 (6519/VPCP-KGVX), a table entry in the year before.
            "2018-12-28T10:00, 1, 2019-01-02T17:00",
            "2019-01-04T10:00, 1, 2019-01-05T17:00",
    })
    void deadlinesAcrossTheSwaps(String received, int days, String due) {
        assertEquals(Fixtures.vnTime(due), DeadlineCalculator.standard().dueAfterWorkingDays(Fixtures.vn(received), days));
    }

    @Test
    void theNewYearSwapOf2019LiesIn2018() {
        assertFalse(STANDARD.isWorkingDay(LocalDate.of(2018, 12, 31)));
        assertTrue(STANDARD.isWorkingDay(LocalDate.of(2019, 1, 5)));
        assertTrue(STANDARD.officialYear(2019).orElseThrow().entries().stream()
                .anyMatch(e -> e.date().equals(LocalDate.of(2018, 12, 31)) && e.kind() == DayKind.DAY_OFF));
        // Listed with the days of 2018, where GET /api/calendar/holidays?year=2018 shows it.
        assertEquals(List.of(LocalDate.of(2018, 12, 31)), STANDARD.entries(2018).stream()
                .filter(e -> e.kind() != DayKind.HOLIDAY && e.date().getMonth() == java.time.Month.DECEMBER)
                .map(CalendarEntry::date).toList());
        assertTrue(STANDARD.officialYear(2019).orElseThrow().sources().stream()
                .anyMatch(s -> s.reference().startsWith("6519/VPCP-KGVX")));
    }

    /**
     * The rules get every official working day right except the swaps, which only the Government
     * can decide (the 2019 table's swap of Monday 31/12/2018 shows in 2018).
     */
    @Test
    void rulesDifferFromTheOfficialTablesOnlyBySwaps() {
        Map<Integer, List<String>> expected = Map.of(
                2018, List.of("2018-12-31"),
                2019, List.of("2019-01-05", "2019-04-29", "2019-05-04"),
                2020, List.of(), 2021, List.of(), 2022, List.of(), 2023, List.of(),
                2024, List.of("2024-04-29", "2024-05-04"),
                2025, List.of("2025-04-26", "2025-05-02"),
                2026, List.of("2026-01-02", "2026-01-10", "2026-08-22", "2026-08-31"));
        Map<Integer, List<String>> actual = new TreeMap<>();
        for (int year = 2018; year <= 2026; year++) {
            List<String> differences = new ArrayList<>();
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                if (Fixtures.RULES.isWorkingDay(day) != STANDARD.isWorkingDay(day)) {
                    differences.add(day.toString());
                }
            }
            actual.put(year, differences);
        }
        assertEquals(new TreeMap<>(expected), actual);
    }

    @Test
    void holidaysOnTheirOwnDatesEvenOnRestDays() {
        // Giỗ Tổ 2026 on Sunday 26 Apr: listed as HOLIDAY, with its substitute on Monday 27 Apr.
        List<CalendarEntry> y2026 = STANDARD.entries(2026);
        assertTrue(y2026.stream().anyMatch(e -> e.date().equals(LocalDate.of(2026, 4, 26)) && e.kind() == DayKind.HOLIDAY));
        assertTrue(y2026.stream().anyMatch(e -> e.date().equals(LocalDate.of(2026, 4, 27)) && e.kind() == DayKind.DAY_OFF));
    }
}
