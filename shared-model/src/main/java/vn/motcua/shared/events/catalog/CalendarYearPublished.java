package vn.motcua.shared.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A year's official table of holidays, days off and make-up working days was loaded or edited; it
 * replaces the whole year for every service that computes deadlines.
 *
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
}
