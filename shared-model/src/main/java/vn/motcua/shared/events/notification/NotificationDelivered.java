package vn.motcua.shared.events.notification;

import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message reached the channel (SMTP accepted it, the SMS gateway or the webhook answered 2xx). */
public record NotificationDelivered(
        String dossierCode,
        UUID notificationId,
        UUID triggerEventId,
        String triggerType,
        NotificationChannel channel,
        String recipient,
        int attempt,
        OffsetDateTime deliveredAt) implements NotificationEvent {

    public static final String TYPE = "vn.motcua.notification.delivered.v1";
    public static final String TOPIC = Topics.NOTIFICATION;
}
