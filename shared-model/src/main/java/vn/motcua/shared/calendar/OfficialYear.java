package vn.motcua.shared.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Government's table of days off for one year (as announced each year by the Prime Minister /
 * the Ministry in charge of labour for civil servants), which replaces the rule-based pre-fill of
 * {@link HolidayRules} for that year.
 *
 * <p>The table is complete: it lists every {@code HOLIDAY}, {@code DAY_OFF} and
 * {@code MAKEUP_WORKDAY} of the year. An entry may fall just outside the year (e.g. a day off on
 * 31 December swapped for Tết Dương lịch of the next year); such an entry is applied on its date.
 *
 * @param year    the year the table is for
 * @param sources where the table comes from (title, document number, link), for audit
 * @param entries the entries, in any order
 */
public record OfficialYear(int year, List<Source> sources, List<CalendarEntry> entries) {
    public OfficialYear {
        sources = List.copyOf(sources == null ? List.of() : sources);
        entries = entries.stream().sorted().toList();
        Map<LocalDate, CalendarEntry> seen = new HashMap<>();
        for (CalendarEntry entry : entries) {
            if (Math.abs(entry.date().getYear() - year) > 1) {
                throw new IllegalArgumentException("table " + year + " has an entry in " + entry.date().getYear());
            }
            CalendarEntry other = seen.putIfAbsent(entry.date(), entry);
            if (other != null && (other.kind() == DayKind.MAKEUP_WORKDAY) != (entry.kind() == DayKind.MAKEUP_WORKDAY)) {
                throw new IllegalArgumentException("table " + year + " makes " + entry.date() + " both a day off and a working day");
            }
        }
    }

    /** A published source of a table. */
    public record Source(String title, String reference, String url) {
        public Source {
            Objects.requireNonNull(title, "title");
        }
    }
}
