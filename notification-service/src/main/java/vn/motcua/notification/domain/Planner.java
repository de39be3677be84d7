package vn.motcua.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.platform.tx.TxLocal;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.Contact;
import vn.motcua.shared.events.DossierEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventType;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.notification.NotificationEvent;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.DossierResumed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns each event into deliveries: the rules say who is told on which channel with which template;
 * each (event, recipient, channel) becomes one row of {@code delivery}, rendered now and sent by the
 * {@code DeliveryWorker}. Runs inside the consumer's inbox transaction, so an event is planned once and
 * the unique key stops a replay from planning it again.
 */
@ApplicationScoped
public class Planner {
    private static final Logger LOG = Logger.getLogger(Planner.class);

    private final Rules rules;
    private final Directory directory;
    private final Subscriptions subscriptions;
    private final Templates templates;
    private final NotificationConfig config;
    private final AgroalDataSource dataSource;
    private final WaitingEvents waiting;
    /** The deliveries this transaction planned, written together before it commits. */
    private final TxLocal<List<PlannedDelivery>> planned;

    public Planner(Rules rules, Directory directory, Subscriptions subscriptions, Templates templates,
                   NotificationConfig config, AgroalDataSource dataSource, WaitingEvents waiting,
                   TransactionSynchronizationRegistry transactions) {
        this.planned = new TxLocal<>(transactions, ArrayList::new, this::write);
        this.rules = rules;
        this.directory = directory;
        this.waiting = waiting;
        this.subscriptions = subscriptions;
        this.templates = templates;
        this.config = config;
        this.dataSource = dataSource;
    }

    /** Someone to tell: where to send and how it shows in the log. */
    record Recipient(String key, String address, String masked, UUID subscriptionId) {
    }

    /**
     * Reads the applicants of a consumer's batch in one statement before its events are planned: the dossiers of
     * the events some rule is about (an event's subject is its dossier's code); and, in one more, which dossiers of
     * the events that bring a contact have events waiting for it.
     */
    public void prefetch(List<CloudEvent<JsonNode>> events) {
        directory.prefetch(events.stream().filter(e -> e.subject() != null && !rules.forEvent(e.type()).isEmpty())
                .map(CloudEvent::subject).toList());
        waiting.prefetch(events.stream().filter(e -> e.subject() != null && bringsContact(e.type()))
                .map(CloudEvent::subject).toList());
    }

    /** The events that carry the applicant's contact (and so free the events waiting for it). */
    private static boolean bringsContact(String type) {
        return EventTypes.DOSSIER_RECEIVED.type().equals(type) || EventTypes.DOSSIER_SUBMITTED.type().equals(type);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(CloudEvent<JsonNode> event) {
        Optional<EventType<?>> type = EventTypes.byType(event.type());
        if (type.isEmpty()) {
            LOG.debugf("skipping %s %s: a type this build does not know", event.type(), event.id());
            return;
        }
        EventPayload payload = type.get().payload(event);
        if (payload instanceof AgencyUpserted agency) {
            directory.keep(agency);
            LOG.infof("kept the contacts of agency %s", agency.agencyCode());
            return;
        }
        if (!(payload instanceof DossierEvent dossierEvent) || payload instanceof NotificationEvent) {
            return;
        }
        handle(event, dossierEvent.dossierCode(), payload);
    }

    /**
     * Plans one dossier event. Whatever order the topics arrive in: an event whose applicant is not known yet
     * (its {@code received} is still behind on intake's topic) tells the other audiences now and waits for the
     * contact; the event that brings the contact then plans the waiting ones, in the order they arrived.
     */
    private void handle(CloudEvent<JsonNode> event, String code, EventPayload payload) {
        boolean bringsContact = bringsContact(event.type());
        boolean movesAppointment = payload instanceof DossierExtensionGranted || payload instanceof DossierResumed;
        // the local copy, read at most once per event: null = not read (plan reads it if a rule needs it)
        Optional<Directory.DossierContact> known = null;
        if (!bringsContact && needsContact(event, payload)) {
            known = directory.dossier(code);
            if (known.isEmpty()) {
                waiting.add(code, event);
                int planned = plan(event, code, payload, known, rule -> rule.audience() != Audience.APPLICANT);
                LOG.infof("%s of %s waits for the applicant's contact (%d deliveries to others planned)",
                        event.type(), code, planned);
                return;
            }
        }
        if (payload instanceof DossierSubmitted submitted) {
            directory.keep(submitted);
        } else if (payload instanceof DossierReceived received) {
            directory.keep(received);
        } else if (payload instanceof DossierExtensionGranted extension) {
            directory.moveAppointment(code, extension.newDueAt());
        } else if (payload instanceof DossierResumed resumed) {
            directory.moveAppointment(code, resumed.newDueAt());
        }
        int planned = plan(event, code, payload, bringsContact || movesAppointment ? null : known, rule -> true);
        if (ends(payload)) {
            directory.end(code);
        }
        if (planned > 0) {
            LOG.debugf("planned %d deliveries for %s of %s", planned, event.type(), code);
        }
        if (bringsContact) {
            for (CloudEvent<JsonNode> waited : waiting.take(code)) {
                EventTypes.byType(waited.type()).ifPresent(type -> handle(waited, code, type.payload(waited)));
            }
        }
    }

    /**
     * Whether the event needs the applicant's contact (a rule tells the applicant, or it moves the appointment
     * later messages quote) and does not carry it; without a local copy it then waits for it.
     */
    private boolean needsContact(CloudEvent<JsonNode> event, EventPayload payload) {
        if (Facts.applicant(payload).isPresent()) {
            return false;
        }
        return payload instanceof DossierExtensionGranted || payload instanceof DossierResumed
                || rules.forEvent(event.type()).stream().anyMatch(rule -> rule.audience() == Audience.APPLICANT);
    }

    /**
     * Events that waited longer than {@code patience} for a contact that never came: planned as they are, so
     * the log records that the applicant could not be told (SKIPPED, no address) instead of keeping them.
     * @return how many events were given up on
     */
    @Transactional
    public int giveUpWaiting(Duration patience) {
        List<CloudEvent<JsonNode>> expired = waiting.takeOlderThan(patience);
        for (CloudEvent<JsonNode> event : expired) {
            EventTypes.byType(event.type()).map(type -> type.payload(event))
                    .filter(DossierEvent.class::isInstance)
                    .ifPresent(payload -> plan(event, ((DossierEvent) payload).dossierCode(), payload, null,
                            rule -> rule.audience() == Audience.APPLICANT));
        }
        return expired.size();
    }

    /**
     * The dossier's life is over (result returned, withdrawn, refused, processing stopped): once its
     * applicant is told, the contact is marked ended and purged after the retention period.
     */
    static boolean ends(EventPayload payload) {
        return payload instanceof ResultReturned || payload instanceof DossierWithdrawn
                || payload instanceof DossierRefused || payload instanceof DossierProcessingStopped;
    }

    /** @param known the applicant's local copy if already read for this event, null to read it here when needed */
    private int plan(CloudEvent<JsonNode> event, String code, EventPayload payload,
                     Optional<Directory.DossierContact> known, Predicate<Rules.Rule> which) {
        List<Rules.Rule> applicable = rules.forEvent(event.type()).stream().filter(which).toList();
        if (applicable.isEmpty()) {
            return 0;
        }
        Optional<Directory.DossierContact> dossier = known != null ? known : directory.dossier(code);
        Optional<Directory.Agency> agency = Facts.agencyCode(payload).flatMap(directory::agency);
        Map<String, Object> facts = Facts.of(code, payload, dossier, agency);
        OffsetDateTime now = OffsetDateTime.now();
        int planned = 0;
        for (Rules.Rule rule : applicable) {
            List<Recipient> recipients = recipients(rule, payload, dossier, agency, event.type());
            if (recipients.isEmpty()) {
                if (rule.audience() != Audience.SUBSCRIBERS) {
                    planned += insert(event, code, rule, new Recipient("none:" + rule.audience(), null, null, null),
                            null, null, "SKIPPED", "Không có địa chỉ nhận " + rule.channel() + " cho " + rule.audience(), now);
                }
                continue;
            }
            if (rule.channel() == NotificationChannel.SMS && config.sms().url().isEmpty()) {
                for (Recipient recipient : recipients) {
                    planned += insert(event, code, rule, recipient, null, null, "SKIPPED", "Chưa cấu hình cổng SMS", now);
                }
                continue;
            }
            Templates.Message message;
            try {
                message = rule.channel() == NotificationChannel.WEBHOOK
                        ? new Templates.Message(null, webhookBody(event, code))
                        : templates.render(rule.template(), rule.channel(), facts);
            } catch (RuntimeException e) {
                // a broken template must not block the topic: record it and move on
                LOG.errorf("template %s for %s failed: %s", rule.template(), event.type(), e.getClass().getSimpleName());
                for (Recipient recipient : recipients) {
                    planned += insert(event, code, rule, recipient, null, null, "SKIPPED",
                            "Lỗi mẫu thông báo " + rule.template(), now);
                }
                continue;
            }
            for (Recipient recipient : recipients) {
                planned += insert(event, code, rule, recipient, message.subject(), message.body(), "PENDING", null, now);
            }
        }
        return planned;
    }

    private List<Recipient> recipients(Rules.Rule rule, EventPayload payload, Optional<Directory.DossierContact> dossier,
                                       Optional<Directory.Agency> agency, String eventType) {
        List<Recipient> recipients = new ArrayList<>();
        NotificationChannel channel = rule.channel();
        switch (rule.audience()) {
            case APPLICANT -> {
                String email = dossier.map(Directory.DossierContact::email).orElse(null);
                String phone = dossier.map(Directory.DossierContact::phone).orElse(null);
                // the contact the event carries wins; the local copy fills what it lacks
                Optional<Applicant> carried = Facts.applicant(payload);
                if (carried.isPresent()) {
                    email = firstNonBlank(carried.get().email(), email);
                    phone = firstNonBlank(carried.get().phone(), phone);
                }
                add(recipients, channel, channel == NotificationChannel.EMAIL ? email : channel == NotificationChannel.SMS ? phone : null);
            }
            case AGENCY -> agency.filter(Directory.Agency::active).ifPresent(a -> {
                for (Contact contact : a.contacts()) {
                    if (contact.channel() == channel) {
                        add(recipients, channel, contact.address());
                    }
                }
            });
            case SUPERVISOR -> {
                List<String> addresses = switch (channel) {
                    case EMAIL -> config.supervisorEmails();
                    case SMS -> config.supervisorPhones().orElse(List.of());
                    case WEBHOOK -> List.of();
                };
                addresses.forEach(address -> add(recipients, channel, address));
            }
            case SUBSCRIBERS -> {
                if (channel == NotificationChannel.WEBHOOK) {
                    subscriptions.active().stream().filter(s -> s.wants(eventType)).forEach(s -> recipients.add(
                            new Recipient(s.id().toString(), s.url(), "webhook " + s.name(), s.id())));
                }
            }
        }
        return recipients;
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static void add(List<Recipient> recipients, NotificationChannel channel, String address) {
        if (address == null || address.isBlank() || channel == NotificationChannel.WEBHOOK) {
            return;
        }
        String clean = address.strip();
        String key = channel == NotificationChannel.EMAIL ? clean.toLowerCase(Locale.ROOT) : clean.replaceAll("[\\s.-]", "");
        String masked = channel == NotificationChannel.EMAIL ? Masking.email(clean) : Masking.phone(key);
        if (recipients.stream().noneMatch(r -> r.key().equals(key))) {
            recipients.add(new Recipient(key, clean, masked, null));
        }
    }

    /**
     * What a webhook receives: the event's envelope without its data (lean, like the ZGW notifications):
     * no personal data leaves through a webhook; the integrator reads what it may see from the APIs.
     */
    static String webhookBody(CloudEvent<JsonNode> event, String code) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("specversion", "1.0");
        body.put("id", event.id().toString());
        body.put("source", event.source());
        body.put("type", event.type());
        body.put("subject", code);
        body.put("time", event.time() == null ? null : event.time().toString());
        body.put("dossierCode", code);
        return body.toString();
    }

    /**
     * Plans one delivery: a row of {@code delivery}, written with the others of the transaction in one statement just
     * before it commits (issue 18: one insert per delivery before); a replayed event's rows meet the unique key and
     * are dropped. Outside a transaction (not a path used today) the row is written at once.
     */
    private int insert(CloudEvent<JsonNode> event, String code, Rules.Rule rule, Recipient recipient, String subject,
                       String body, String status, String error, OffsetDateTime now) {
        boolean pending = "PENDING".equals(status);
        PlannedDelivery row = new PlannedDelivery(UUID.randomUUID(), event.id(), event.type(), code,
                rule.audience().name(), rule.channel().name(), recipient.key(), pending ? recipient.address() : null,
                recipient.masked(), recipient.subscriptionId(), subject, body, status, pending ? now : null, error, now);
        Optional<List<PlannedDelivery>> buffer = planned.get();
        if (buffer.isPresent()) {
            buffer.get().add(row);
        } else {
            write(List.of(row));
        }
        return 1;
    }

    /** A delivery row waiting for its transaction's commit. */
    private record PlannedDelivery(UUID id, UUID eventId, String eventType, String dossierCode, String audience,
                                   String channel, String recipientKey, String address, String recipientMasked,
                                   UUID subscriptionId, String subject, String body, String status,
                                   OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime at) {
    }

    private void write(List<PlannedDelivery> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into delivery (id, event_id, event_type, dossier_code, audience, channel, recipient_key, address,"
                        + " recipient_masked, subscription_id, subject, body, status, attempts, next_attempt_at, last_error,"
                        + " created_at, updated_at)"
                        + " select id, event_id, event_type, dossier_code, audience, channel, recipient_key, address,"
                        + " recipient_masked, subscription_id, subject, body, status, 0, next_attempt_at, last_error, at, at"
                        + " from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                        + " ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[])"
                        + " as r(id, event_id, event_type, dossier_code, audience, channel, recipient_key, address,"
                        + " recipient_masked, subscription_id, subject, body, status, next_attempt_at, last_error, at)"
                        + " on conflict (event_id, channel, recipient_key) do nothing")) {
            s.setArray(1, c.createArrayOf("uuid", rows.stream().map(PlannedDelivery::id).toArray()));
            s.setArray(2, c.createArrayOf("uuid", rows.stream().map(PlannedDelivery::eventId).toArray()));
            s.setArray(3, c.createArrayOf("text", rows.stream().map(PlannedDelivery::eventType).toArray()));
            s.setArray(4, c.createArrayOf("text", rows.stream().map(PlannedDelivery::dossierCode).toArray()));
            s.setArray(5, c.createArrayOf("text", rows.stream().map(PlannedDelivery::audience).toArray()));
            s.setArray(6, c.createArrayOf("text", rows.stream().map(PlannedDelivery::channel).toArray()));
            s.setArray(7, c.createArrayOf("text", rows.stream().map(PlannedDelivery::recipientKey).toArray()));
            s.setArray(8, c.createArrayOf("text", rows.stream().map(PlannedDelivery::address).toArray()));
            s.setArray(9, c.createArrayOf("text", rows.stream().map(PlannedDelivery::recipientMasked).toArray()));
            s.setArray(10, c.createArrayOf("uuid", rows.stream().map(PlannedDelivery::subscriptionId).toArray()));
            s.setArray(11, c.createArrayOf("text", rows.stream().map(PlannedDelivery::subject).toArray()));
            s.setArray(12, c.createArrayOf("text", rows.stream().map(PlannedDelivery::body).toArray()));
            s.setArray(13, c.createArrayOf("text", rows.stream().map(PlannedDelivery::status).toArray()));
            s.setArray(14, c.createArrayOf("timestamptz", rows.stream().map(PlannedDelivery::nextAttemptAt).toArray()));
            s.setArray(15, c.createArrayOf("text", rows.stream().map(PlannedDelivery::lastError).toArray()));
            s.setArray(16, c.createArrayOf("timestamptz", rows.stream().map(PlannedDelivery::at).toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not plan " + rows.size() + " deliveries", e);
        }
    }
}
