package vn.motcua.result.domain;

import vn.motcua.shared.events.EventJson;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Conversions of native query columns. */
final class Sql {
    private Sql() {
    }

    /** A timestamptz column, in Vietnam time. */
    static OffsetDateTime time(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(EventJson.VIETNAM);
        }
        if (column instanceof Instant instant) {
            return instant.atOffset(EventJson.VIETNAM);
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(EventJson.VIETNAM);
        }
        throw new IllegalArgumentException("not a time: " + column.getClass());
    }

    static long count(Object column) {
        return column == null ? 0 : ((Number) column).longValue();
    }
}
