package vn.motcua.shared.events;

/** A way to reach a person or an agency. */
public enum NotificationChannel {
    EMAIL,
    SMS,
    WEBHOOK
}
