package vn.motcua.shared.events.notification;

import vn.motcua.shared.events.DossierEvent;
import vn.motcua.shared.events.NotificationChannel;

import java.util.UUID;

/**
 * A delivery outcome published by notification on {@link vn.motcua.shared.events.Topics#NOTIFICATION}.
 * The recipient is always masked (e.g. {@code n***@example.vn}, {@code 09******78}).
 */
public sealed interface NotificationEvent extends DossierEvent
        permits NotificationDelivered, NotificationFailed, NotificationDeadLettered {
    UUID notificationId();

    /** The id of the event that caused the notification. */
    UUID triggerEventId();

    NotificationChannel channel();

    String recipient();

    /** 1 for the first try. */
    int attempt();
}
