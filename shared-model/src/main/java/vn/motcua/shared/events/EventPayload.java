package vn.motcua.shared.events;

/**
 * The typed {@code data} of a CloudEvent. Each implementation is a record with two constants,
 * {@code TYPE} (the versioned CloudEvents type) and {@code TOPIC}, and is listed in {@link EventTypes}.
 */
public interface EventPayload {
    /** The CloudEvents {@code subject} and the Kafka record key. */
    String subject();
}
