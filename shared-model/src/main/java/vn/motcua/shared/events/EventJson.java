package vn.motcua.shared.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.ZoneOffset;

/**
 * The one JSON mapping of events, shared by producers and consumers so they cannot disagree:
 * ISO-8601 times, unknown fields ignored (a newer producer never breaks an older consumer).
 */
public final class EventJson {
    /** Vietnam does not observe daylight saving time: a fixed +07:00 offset is exact. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(CloudEvent<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads an envelope leaving the payload untyped; fails with {@link MalformedEventException}. */
    public static CloudEvent<JsonNode> read(String json) {
        try {
            CloudEvent<JsonNode> event = MAPPER.readValue(json,
                    MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, JsonNode.class));
            if (event == null) {
                throw new MalformedEventException("empty event");
            }
            return event;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 JSON envelope: " + e.getMessage(), e);
        }
    }

    /** Converts an untyped payload to its Java type. */
    public static <T> T dataAs(CloudEvent<JsonNode> event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + event.type() + " is not a " + type.getSimpleName(), e);
        }
    }

    /** An event that cannot be read: consumers log and skip it rather than block their partition. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
