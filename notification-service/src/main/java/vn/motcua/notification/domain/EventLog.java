package vn.motcua.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.DossierEvent;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventType;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The first slice of notification: every dossier event is recorded as SEEN in the delivery log, and for
 * {@code received} the masked contacts the reception message will go to. No personal data reaches the
 * application log: only the event type and the dossier code.
 */
@ApplicationScoped
public class EventLog {
    private static final Logger LOG = Logger.getLogger(EventLog.class);

    private final EntityManager em;

    public EventLog(EntityManager em) {
        this.em = em;
    }

    /** Runs inside the consumer's inbox transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seen(CloudEvent<JsonNode> event) {
        Optional<EventType<?>> type = EventTypes.byType(event.type());
        if (type.isEmpty()) {
            LOG.debugf("skipping %s %s: a type this build does not know", event.type(), event.id());
            return;
        }
        EventPayload payload = type.get().payload(event);
        if (!(payload instanceof DossierEvent dossierEvent)) {
            // catalogue events: agency contacts will be kept from them (issue 8); nothing to log per dossier
            LOG.debugf("saw %s for %s", event.type(), payload.subject());
            return;
        }
        String code = dossierEvent.dossierCode();
        List<String> recipients = new ArrayList<>();
        if (payload instanceof DossierReceived received) {
            recipients.addAll(receptionRecipients(received.applicant()));
        }
        if (recipients.isEmpty()) {
            recipients.add(null);
        }
        for (String recipient : recipients) {
            record(event, code, recipient);
        }
        LOG.infof("saw %s for %s", event.type(), code);
    }

    /** Who the citizen's reception message (code, appointment, PIN) is meant for, masked. */
    private static List<String> receptionRecipients(Applicant applicant) {
        List<String> recipients = new ArrayList<>();
        if (applicant != null) {
            Optional.ofNullable(Masking.phone(applicant.phone())).ifPresent(recipients::add);
            Optional.ofNullable(Masking.email(applicant.email())).ifPresent(recipients::add);
        }
        return recipients;
    }

    private void record(CloudEvent<JsonNode> event, String code, String recipient) {
        em.createNativeQuery("insert into notification_log"
                        + " (id, dossier_code, event_id, event_type, channel, recipient, outcome, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, code)
                .setParameter(3, event.id())
                .setParameter(4, event.type())
                .setParameter(5, NotificationLogEntry.CHANNEL_LOG)
                .setParameter(6, recipient)
                .setParameter(7, NotificationLogEntry.OUTCOME_SEEN)
                .setParameter(8, OffsetDateTime.now())
                .executeUpdate();
    }
}
