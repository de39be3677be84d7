package vn.motcua.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the delivery log (nhật ký thông báo): what was done for which event, on which channel, to whom. */
@Entity
@Table(name = "notification_log")
public class NotificationLogEntry {
    /** Every entry is written on the LOG channel until the real channels arrive. */
    public static final String CHANNEL_LOG = "LOG";
    /** The event was seen and recorded; nothing was sent yet. */
    public static final String OUTCOME_SEEN = "SEEN";

    @Id
    public UUID id;
    @Column(name = "dossier_code")
    public String dossierCode;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    public String channel;
    /** Masked; absent when the entry names no one. */
    public String recipient;
    public String outcome;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
