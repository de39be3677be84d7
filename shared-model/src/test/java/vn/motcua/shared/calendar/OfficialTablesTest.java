package vn.motcua.shared.calendar;

import org.junit.jupiter.api.Test;

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

    @Test
    void the2025SwapOfDomainMd() {
        assertTrue(STANDARD.isWorkingDay(LocalDate.of(2025, 4, 26)));
        for (LocalDate day = LocalDate.of(2025, 4, 30); day.isBefore(LocalDate.of(2025, 5, 5)); day = day.plusDays(1)) {
            assertFalse(STANDARD.isWorkingDay(day), day::toString);
        }
        assertTrue(STANDARD.entries(2025).stream().anyMatch(e -> e.kind() == DayKind.MAKEUP_WORKDAY));
    }

    /**
     * The rules get every official working day right except the swaps, which only the Government
     * can decide (2019 lacks its 31/12/2018 swap partner: the table keeps to 2019's dates).
     */
    @Test
    void rulesDifferFromTheOfficialTablesOnlyBySwaps() {
        Map<Integer, List<String>> expected = Map.of(
                2019, List.of("2019-01-05", "2019-04-29", "2019-05-04"),
                2020, List.of(), 2021, List.of(), 2022, List.of(), 2023, List.of(),
                2024, List.of("2024-04-29", "2024-05-04"),
                2025, List.of("2025-04-26", "2025-05-02"),
                2026, List.of("2026-01-02", "2026-01-10", "2026-08-22", "2026-08-31"));
        Map<Integer, List<String>> actual = new TreeMap<>();
        for (int year = 2019; year <= 2026; year++) {
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
