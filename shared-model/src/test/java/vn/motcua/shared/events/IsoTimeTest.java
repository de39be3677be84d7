package vn.motcua.shared.events;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IsoTimeTest {
    @Test
    void writesWhatTheIsoFormatterWritesAndReadsItBackExactly() {
        Random random = new Random(20261204);
        int[] offsets = {0, 7 * 3600, -5 * 3600, 5 * 3600 + 1800, -(9 * 3600 + 1800), 14 * 3600};
        for (int i = 0; i < 100_000; i++) {
            int nano = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            OffsetDateTime time = OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), i % 7 == 0 ? 0 : random.nextInt(60),
                    nano, ZoneOffset.ofTotalSeconds(offsets[i % offsets.length]));
            String iso = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertEquals(iso, IsoTime.format(time));
            assertEquals(time, IsoTime.parse(iso), iso);
            assertEquals(OffsetDateTime.parse(iso), IsoTime.parse(iso), iso);
        }
    }

    @Test
    void readsTheShortFormsAndRefusesWhatItDoesNotKnow() {
        assertEquals(OffsetDateTime.of(2026, 12, 4, 10, 15, 0, 0, ZoneOffset.ofHours(7)),
                IsoTime.parse("2026-12-04T10:15+07:00"));
        assertEquals(OffsetDateTime.of(2026, 12, 4, 10, 15, 30, 100_000_000, ZoneOffset.UTC),
                IsoTime.parse("2026-12-04T10:15:30.1Z"));
        assertEquals(OffsetDateTime.of(2026, 2, 28, 23, 59, 59, 999_999_999, ZoneOffset.ofHours(-3)),
                IsoTime.parse("2026-02-28T23:59:59.999999999-03:00"));
        for (String bad : new String[]{"", "2026-12-04", "2026-12-04T10:15:30", "2026-02-30T10:15:30+07:00",
                "2026-12-04T24:00:00+07:00", "2026-12-04T10:15:30.+07:00", "2026-12-04T10:15:30.1234567890+07:00",
                "2026-12-04T10:15:30+7:00", "2026-12-04T10:15:30+19:00", "2026-12-04 10:15:30+07:00",
                "２０２６-12-04T10:15:30+07:00", "2026-12-04T10:15:30+07:00x", "+12026-12-04T10:15:30Z"}) {
            assertNull(IsoTime.parse(bad), bad);
        }
    }

    @Test
    void theEventMapperReadsTimesInAnyShapeItReadBefore() throws Exception {
        record Holder(OffsetDateTime at) {
        }
        var mapper = EventJson.mapper();
        assertEquals(OffsetDateTime.of(2026, 12, 4, 10, 15, 30, 0, ZoneOffset.ofHours(7)),
                mapper.readValue("{\"at\":\"2026-12-04T10:15:30+07:00\"}", Holder.class).at());
        // a shape the fast path leaves to Jackson's own reader: a five-digit year
        assertEquals(OffsetDateTime.of(12026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                mapper.readValue("{\"at\":\"+12026-01-01T00:00:00Z\"}", Holder.class).at());
        assertEquals("{\"at\":\"2026-12-04T17:15:30.5+07:00\"}",
                mapper.writeValueAsString(new Holder(OffsetDateTime.of(2026, 12, 4, 10, 15, 30, 500_000_000,
                        ZoneOffset.UTC))));
    }
}
