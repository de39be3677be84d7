package vn.motcua.shared.events;

/** How to reach an agency or a one-stop unit: an e-mail address, a phone number for SMS, or a webhook URL. */
public record Contact(NotificationChannel channel, String address, @OptionalField String label) {
}
