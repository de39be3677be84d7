package vn.motcua.shared.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Calendars for tests, independent of whatever official tables are bundled. */
final class Fixtures {
    static final WorkingCalendar RULES = WorkingCalendar.rulesOnly();

    /**
     * 2025 with the swap of DOMAIN.md: 30 Apr–4 May off (Fri 2 May swapped), Saturday 26 Apr worked.
     * The rest of the year is the rule-based pre-fill.
     */
    static final OfficialYear SWAP_2025 = swap2025();

    static final WorkingCalendar WITH_SWAP_2025 = RULES.withOfficialYear(SWAP_2025);

    private Fixtures() {
    }

    private static OfficialYear swap2025() {
        List<CalendarEntry> entries = new ArrayList<>(HolidayRules.prefill(2025));
        entries.add(new CalendarEntry(LocalDate.of(2025, 5, 2), DayKind.DAY_OFF, "Nghỉ hoán đổi (làm bù Thứ Bảy 26/4)"));
        entries.add(new CalendarEntry(LocalDate.of(2025, 4, 26), DayKind.MAKEUP_WORKDAY, "Làm bù cho ngày 02/5"));
        return new OfficialYear(2025, List.of(new OfficialYear.Source("test fixture after DOMAIN.md", null, null)), entries);
    }

    static Instant vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }

    static OffsetDateTime vnTime(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00");
    }
}
