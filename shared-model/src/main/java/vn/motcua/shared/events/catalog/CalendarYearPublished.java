package vn.motcua.shared.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.motcua.shared.calendar.CalendarEntry;
import vn.motcua.shared.calendar.OfficialYear;
import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A year's official table of holidays, days off and make-up working days was loaded or edited; it
 * replaces the whole year for every service that computes deadlines
 * ({@code calendar.withOfficialYear(event.toOfficialYear())}).
 *
 * <p>The entries are the calendar's own {@link CalendarEntry} values, so an entry that the calendar
 * would refuse (a make-up day on a weekday, a blank name) makes the event unreadable rather than a
 * wrong calendar.
 *
 * @param entries the whole table, as {@code GET /api/calendar/holidays} lists it; an entry may lie
 *                just across New Year (e.g. 31 December off for the next Tết Dương lịch)
 * @param sources the official documents the table follows (e.g. the Government's notice for that year)
 */
public record CalendarYearPublished(
        int year,
        List<CalendarEntry> entries,
        List<String> sources,
        OffsetDateTime publishedAt,
        @OptionalField String publishedBy) implements CatalogEvent {

    public static final String TYPE = "vn.motcua.calendar.year-published.v1";
    public static final String TOPIC = Topics.CATALOG;

    public CalendarYearPublished {
        entries = Payloads.list(entries);
        sources = Payloads.list(sources);
    }

    @JsonIgnore
    @Override
    public String subject() {
        return Integer.toString(year);
    }

    /**
     * The table to apply with {@code WorkingCalendar.withOfficialYear}; each source string becomes a
     * source title (the event carries no separate document numbers or links).
     *
     * @throws IllegalArgumentException if the table is inconsistent (an entry more than a year away,
     *                                  a date both off and worked)
     */
    public OfficialYear toOfficialYear() {
        return new OfficialYear(year, sources.stream().map(s -> new OfficialYear.Source(s, null, null)).toList(), entries);
    }
}
