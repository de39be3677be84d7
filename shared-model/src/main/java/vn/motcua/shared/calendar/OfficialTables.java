package vn.motcua.shared.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import vn.motcua.shared.events.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reading and writing official yearly tables as JSON, in the format of the bundled
 * {@code official-days-off.json}:
 * <pre>{"years":[{"year":2025,"sources":[{"title","reference","url"}],
 *   "entries":[{"date":"2025-04-26","kind":"MAKEUP_WORKDAY","name":"..."}]}]}</pre>
 * The same shape serves the bundled file, an administrator's upload in intake, and the calendar
 * event on {@code motcua.catalog.events}, so one mapping (that of {@link EventJson}) reads all three.
 */
public final class OfficialTables {
    static final String RESOURCE = "official-days-off.json";

    private OfficialTables() {
    }

    /** The document: what it covers, and a list of yearly tables. */
    public record Document(String description, List<OfficialYear> years) {
        public Document {
            years = List.copyOf(years == null ? List.of() : years);
        }
    }

    /** Parses a document; an invalid table (e.g. a make-up day on a Wednesday) is rejected whole. */
    public static List<OfficialYear> read(InputStream json) {
        try {
            return EventJson.mapper().readValue(json, Document.class).years();
        } catch (DatabindException e) {
            throw new IllegalArgumentException("invalid official days-off table: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(List<OfficialYear> years) {
        try {
            return EventJson.mapper().writeValueAsString(new Document(null, years));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables bundled with this library (the Government's published tables, with sources). */
    public static List<OfficialYear> bundled() {
        try (InputStream in = OfficialTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
