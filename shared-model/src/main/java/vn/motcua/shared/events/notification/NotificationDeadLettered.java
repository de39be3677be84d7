package vn.motcua.shared.events.notification;

import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Delivery gave up after its last attempt; an operator must look. */
public record NotificationDeadLettered(
        String dossierCode,
        UUID notificationId,
        UUID triggerEventId,
        String triggerType,
        NotificationChannel channel,
        String recipient,
        int attempt,
        OffsetDateTime deadLetteredAt,
        String lastError) implements NotificationEvent {

    public static final String TYPE = "vn.motcua.notification.dead-lettered.v1";
    public static final String TOPIC = Topics.NOTIFICATION;
}
