package vn.motcua.shared.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one JSON mapping of events, shared by producers and consumers so they cannot disagree:
 * ISO-8601 times written in +07:00 whatever offset they were built with, dates as {@code YYYY-MM-DD},
 * absent (null) fields left out, unknown fields ignored (a newer producer never breaks an older consumer).
 */
public final class EventJson {
    /** Vietnam does not observe daylight saving time: a fixed +07:00 offset is exact. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("vietnam-time").addSerializer(OffsetDateTime.class, new VietnamTimeSerializer())
                    .addDeserializer(OffsetDateTime.class, new FastTimeDeserializer()))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
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

    /** The same instant in +07:00, so every time on a topic reads the way the public sees it. */
    private static final class VietnamTimeSerializer extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(IsoTime.format(value.withOffsetSameInstant(VIETNAM)));
        }
    }

    /** Times in the shape producers write read by {@link IsoTime}; anything else by Jackson's own reader. */
    private static final class FastTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {
        FastTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime fast = IsoTime.parse(p.getText().trim());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
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
