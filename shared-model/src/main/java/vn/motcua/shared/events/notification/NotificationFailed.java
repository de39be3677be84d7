package vn.motcua.shared.events.notification;

import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One delivery attempt failed; another follows with backoff.
 *
 * @param nextAttemptAt when the next try is scheduled
 */
public record NotificationFailed(
        String dossierCode,
        UUID notificationId,
        UUID triggerEventId,
        String triggerType,
        NotificationChannel channel,
        String recipient,
        int attempt,
        OffsetDateTime failedAt,
        String error,
        @OptionalField OffsetDateTime nextAttemptAt) implements NotificationEvent {

    public static final String TYPE = "vn.motcua.notification.failed.v1";
    public static final String TOPIC = Topics.NOTIFICATION;
}
