package vn.motcua.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.routing.domain.ClockActions;
import vn.motcua.routing.domain.DossierRouting;
import vn.motcua.shared.events.EventTypes;

/**
 * Reads {@code motcua.intake.events}. A received dossier gets its routing plan and first tasks; a
 * supplement supplied at the counter runs the dossier's paused clock again; a withdrawal closes its open
 * tasks. The other intake events are recorded as seen.
 */
@ApplicationScoped
public class IntakeEventsConsumer {
    /** The consumer's name in processed_event: one per subscription. */
    public static final String CONSUMER = "routing-intake";

    private final InboundEvents inbound;
    private final DossierRouting routing;
    private final ClockActions clock;

    public IntakeEventsConsumer(InboundEvents inbound, DossierRouting routing, ClockActions clock) {
        this.inbound = inbound;
        this.routing = routing;
        this.clock = clock;
    }

    @Incoming("intake-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) throws InterruptedException {
        inbound.apply(CONSUMER, record.topic(), record.key(), record.value(), event -> {
            if (EventTypes.DOSSIER_RECEIVED.type().equals(event.type())) {
                routing.route(EventTypes.DOSSIER_RECEIVED.payload(event));
            } else if (EventTypes.SUPPLEMENT_SUPPLIED.type().equals(event.type())) {
                clock.supplied(EventTypes.SUPPLEMENT_SUPPLIED.payload(event));
            } else if (EventTypes.DOSSIER_WITHDRAWN.type().equals(event.type())) {
                clock.withdrawn(EventTypes.DOSSIER_WITHDRAWN.payload(event));
            }
        });
    }
}
