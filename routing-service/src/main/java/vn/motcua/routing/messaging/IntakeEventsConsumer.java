package vn.motcua.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.routing.domain.DossierRouting;
import vn.motcua.shared.events.EventTypes;

/**
 * Reads {@code motcua.intake.events}. A received dossier gets its routing plan and first tasks; the
 * other intake events are recorded as seen and left for later slices (supplement, withdrawal).
 */
@ApplicationScoped
public class IntakeEventsConsumer {
    /** The consumer's name in processed_event: one per subscription. */
    public static final String CONSUMER = "routing-intake";

    private final InboundEvents inbound;
    private final DossierRouting routing;

    public IntakeEventsConsumer(InboundEvents inbound, DossierRouting routing) {
        this.inbound = inbound;
        this.routing = routing;
    }

    @Incoming("intake-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) throws InterruptedException {
        inbound.apply(CONSUMER, record.topic(), record.key(), record.value(), event -> {
            if (EventTypes.DOSSIER_RECEIVED.type().equals(event.type())) {
                routing.route(EventTypes.DOSSIER_RECEIVED.payload(event));
            }
        });
    }
}
