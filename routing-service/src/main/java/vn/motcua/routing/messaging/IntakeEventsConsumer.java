package vn.motcua.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.inbox.Handlers;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.routing.domain.ClockActions;
import vn.motcua.routing.domain.DossierRouting;
import vn.motcua.shared.events.EventTypes;

/**
 * Reads {@code motcua.intake.events}. A received dossier gets its routing plan and first tasks; a
 * supplement supplied at the counter runs the dossier's paused clock again; a withdrawal closes its open
 * tasks. The other intake events are skipped unread. A poll is applied in one transaction.
 */
@ApplicationScoped
public class IntakeEventsConsumer {
    /** The consumer's name in processed_event: one per subscription. */
    public static final String CONSUMER = "routing-intake";

    private final InboundEvents inbound;
    private final Handlers handlers;

    public IntakeEventsConsumer(InboundEvents inbound, DossierRouting routing, ClockActions clock) {
        this.inbound = inbound;
        this.handlers = Handlers.of()
                .on(EventTypes.DOSSIER_RECEIVED, routing::route)
                .on(EventTypes.SUPPLEMENT_SUPPLIED, clock::supplied)
                .on(EventTypes.DOSSIER_WITHDRAWN, clock::withdrawn);
    }

    @Incoming("intake-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch(CONSUMER, records, handlers);
    }
}
