package vn.motcua.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.intake.domain.DossierActions;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.shared.dossier.DossierAction;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.PauseReason;

/**
 * Reads routing's and result's events so the counter knows where its dossiers stand: an agency's
 * request for supplement becomes the written request to the applicant (Form 02), and withdrawal is
 * refused once a result exists. Other events are recorded as seen.
 */
@ApplicationScoped
public class ProcessingEventsConsumer {
    public static final String ROUTING_CONSUMER = "intake-routing";
    public static final String RESULT_CONSUMER = "intake-result";
    private static final String ROUTING = "routing-service";

    private final InboundEvents inbound;
    private final DossierActions actions;

    public ProcessingEventsConsumer(InboundEvents inbound, DossierActions actions) {
        this.inbound = inbound;
        this.actions = actions;
    }

    @Incoming("routing-events")
    @Blocking(ordered = true)
    public void onRouting(ConsumerRecord<String, String> record) throws InterruptedException {
        inbound.apply(ROUTING_CONSUMER, record.topic(), record.key(), record.value(), event -> {
            String type = event.type();
            if (EventTypes.DOSSIER_ROUTED.type().equals(type)) {
                var routed = EventTypes.DOSSIER_ROUTED.payload(event);
                actions.follow(routed.dossierCode(), DossierAction.START_PROCESSING, routed.routedAt(), ROUTING, null);
            } else if (EventTypes.DOSSIER_PAUSED.type().equals(type)) {
                DossierPaused paused = EventTypes.DOSSIER_PAUSED.payload(event);
                if (paused.reason() == PauseReason.SUPPLEMENT_REQUESTED) {
                    actions.supplementRequestedByAgency(paused.dossierCode(), paused.pausedAt(), paused.agencyCode(),
                            paused.requestedBy() == null ? ROUTING : paused.requestedBy(), paused.note(), paused.items());
                } else {
                    actions.follow(paused.dossierCode(), DossierAction.REQUEST_PAYMENT, paused.pausedAt(), ROUTING,
                            paused.note());
                }
            } else if (EventTypes.OBLIGATION_PAID.type().equals(type)) {
                var paid = EventTypes.OBLIGATION_PAID.payload(event);
                actions.follow(paid.dossierCode(), DossierAction.CONFIRM_PAYMENT, paid.paidAt(), ROUTING, null);
            } else if (EventTypes.PROCESSING_STOPPED.type().equals(type)) {
                var stopped = EventTypes.PROCESSING_STOPPED.payload(event);
                actions.follow(stopped.dossierCode(), DossierAction.STOP_PROCESSING, stopped.stoppedAt(),
                        stopped.stoppedBy(), stopped.reason());
            } else if (EventTypes.DOSSIER_PROCESSED.type().equals(type)) {
                var processed = EventTypes.DOSSIER_PROCESSED.payload(event);
                actions.follow(processed.dossierCode(), DossierAction.DECIDE, processed.decidedAt(), ROUTING,
                        processed.note());
            }
        });
    }

    @Incoming("result-events")
    @Blocking(ordered = true)
    public void onResult(ConsumerRecord<String, String> record) throws InterruptedException {
        inbound.apply(RESULT_CONSUMER, record.topic(), record.key(), record.value(), event -> {
            if (EventTypes.RESULT_RETURNED.type().equals(event.type())) {
                var returned = EventTypes.RESULT_RETURNED.payload(event);
                actions.follow(returned.dossierCode(), DossierAction.RETURN_RESULT, returned.returnedAt(),
                        returned.returnedBy() == null ? "result-service" : returned.returnedBy(), null);
            }
        });
    }
}
