package vn.motcua.shared.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * One registered event type: its versioned CloudEvents type name, its payload record and its topic.
 * Producers build envelopes through it and consumers read payloads through it, so a payload without a
 * required field is refused on both sides.
 *
 * @param <T> the payload record
 */
public record EventType<T extends EventPayload>(String type, Class<T> payloadClass, String topic) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadClass, "payloadClass");
        if (!Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("unknown topic " + topic + " for " + type);
        }
    }

    /** A new envelope for {@code payload}: subject (and Kafka key) from the payload, id random, time now. */
    public CloudEvent<T> envelope(String source, T payload) {
        requireComplete(payload);
        return CloudEvent.of(source, type, payload.subject(), payload);
    }

    /** The typed payload of an envelope read by {@link EventJson#read(String)}. */
    public T payload(CloudEvent<JsonNode> event) {
        if (!type.equals(event.type())) {
            throw new IllegalArgumentException("event " + event.id() + " is a " + event.type() + ", not a " + type);
        }
        if (event.data() == null || event.data().isNull()) {
            throw new EventJson.MalformedEventException("event " + event.id() + " of type " + type + " has no data");
        }
        T payload = EventJson.dataAs(event, payloadClass);
        List<String> missing = RequiredFields.missing(payload);
        if (!missing.isEmpty()) {
            throw new EventJson.MalformedEventException(
                    "event " + event.id() + " of type " + type + " lacks required " + missing);
        }
        return payload;
    }

    private void requireComplete(T payload) {
        Objects.requireNonNull(payload, "payload");
        List<String> missing = RequiredFields.missing(payload);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(type + " lacks required " + missing);
        }
    }
}
