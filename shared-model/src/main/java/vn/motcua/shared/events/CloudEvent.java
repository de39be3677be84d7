package vn.motcua.shared.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in JSON structured mode. {@code id} is the idempotency key every
 * consumer deduplicates on; {@code subject} is the dossier code (or the catalogue item's code) and
 * also the Kafka record key; {@code time} is written in +07:00. {@code dossierversion} (a CloudEvents extension
 * attribute) orders one subject's events without trusting any host's clock: a per-subject Lamport counter that the
 * producing service's outbox sets — one more than the highest version it has published or consumed for the subject —
 * so an event caused by another carries a higher version (docs/ORDERING.md). Absent on events written before it.
 *
 * @param <T> the payload type; {@code JsonNode} while the type is not yet known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        T data,
        Long dossierversion) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        if (specversion == null) {
            specversion = SPEC_VERSION;
        } else if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("unsupported CloudEvents specversion " + specversion);
        }
        if (datacontenttype == null) {
            datacontenttype = JSON;
        }
    }

    /** A new event with a random id, stamped now in Vietnam's offset. */
    public static <T> CloudEvent<T> of(String source, String type, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID(), source, type, subject,
                OffsetDateTime.now(EventJson.VIETNAM), JSON, data, null);
    }

    /** The same envelope with another payload (e.g. a typed one after reading a {@code JsonNode}). */
    public <U> CloudEvent<U> withData(U newData) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, newData, dossierversion);
    }

    /** The same envelope stamped with its subject's version. */
    public CloudEvent<T> withVersion(long version) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, data, version);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
