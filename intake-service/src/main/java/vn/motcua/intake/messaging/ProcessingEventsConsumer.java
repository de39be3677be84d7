package vn.motcua.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.intake.domain.DossierActions;
import vn.motcua.platform.inbox.Handlers;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.shared.dossier.DossierAction;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.routing.PauseReason;

/**
 * Reads routing's and result's events so the counter knows where its dossiers stand: an agency's
 * request for supplement becomes the written request to the applicant (Form 02), and withdrawal is
 * refused once a result exists. Other events are skipped unread; a poll is applied in one transaction.
 */
@ApplicationScoped
public class ProcessingEventsConsumer {
    public static final String ROUTING_CONSUMER = "intake-routing";
    public static final String RESULT_CONSUMER = "intake-result";
    private static final String ROUTING = "routing-service";

    private final InboundEvents inbound;
    private final Handlers routing;
    private final Handlers result;

    public ProcessingEventsConsumer(InboundEvents inbound, DossierActions actions) {
        this.inbound = inbound;
        this.routing = Handlers.of()
                .on(EventTypes.DOSSIER_ROUTED, routed -> actions.follow(routed.dossierCode(),
                        DossierAction.START_PROCESSING, routed.routedAt(), ROUTING, null))
                .on(EventTypes.DOSSIER_PAUSED, paused -> {
                    if (paused.reason() == PauseReason.SUPPLEMENT_REQUESTED) {
                        actions.supplementRequestedByAgency(paused.dossierCode(), paused.pausedAt(), paused.agencyCode(),
                                paused.requestedBy() == null ? ROUTING : paused.requestedBy(), paused.note(), paused.items(),
                                paused.supplyBy());
                    } else {
                        actions.follow(paused.dossierCode(), DossierAction.REQUEST_PAYMENT, paused.pausedAt(), ROUTING,
                                paused.note());
                    }
                })
                .on(EventTypes.OBLIGATION_PAID, paid -> actions.follow(paid.dossierCode(), DossierAction.CONFIRM_PAYMENT,
                        paid.paidAt(), ROUTING, null))
                .on(EventTypes.PROCESSING_STOPPED, stopped -> actions.follow(stopped.dossierCode(),
                        DossierAction.STOP_PROCESSING, stopped.stoppedAt(), stopped.stoppedBy(), stopped.reason()))
                .on(EventTypes.DOSSIER_PROCESSED, processed -> actions.follow(processed.dossierCode(),
                        DossierAction.DECIDE, processed.decidedAt(), ROUTING, processed.note()));
        this.result = Handlers.of()
                .on(EventTypes.RESULT_RETURNED, returned -> actions.follow(returned.dossierCode(),
                        DossierAction.RETURN_RESULT, returned.returnedAt(),
                        returned.returnedBy() == null ? "result-service" : returned.returnedBy(), null));
    }

    @Incoming("routing-events")
    @Blocking(ordered = true)
    public void onRouting(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch(ROUTING_CONSUMER, records, routing);
    }

    @Incoming("result-events")
    @Blocking(ordered = true)
    public void onResult(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch(RESULT_CONSUMER, records, result);
    }
}
