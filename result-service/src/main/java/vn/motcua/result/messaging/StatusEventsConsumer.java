package vn.motcua.result.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.inbox.Handlers;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.result.domain.StatusProjection;

/**
 * Feeds the status read model from the three dossier topics, one consumer each (group result-service).
 * Each topic has its own inbox consumer name, so replaying one topic does not disturb the others. The three
 * run on a worker pool of their own, in order per topic partition.
 */
@ApplicationScoped
public class StatusEventsConsumer {
    /**
     * The projection's own worker threads (smallrye.messaging.worker.projection.max-concurrency): on the shared
     * pool, each event waited behind the citizens' lookups, and 1,000 lookups a second made the event-to-visible
     * lag seconds instead of tens of milliseconds (docs/BENCHMARKS.md).
     */
    static final String PROJECTION_POOL = "projection";

    private final InboundEvents inbound;
    private final Handlers handlers;

    public StatusEventsConsumer(InboundEvents inbound, StatusProjection projection) {
        this.inbound = inbound;
        this.handlers = Handlers.everyType(projection::apply).prefetch(projection::prefetch);
    }

    @Incoming("status-intake")
    @Blocking(value = PROJECTION_POOL, ordered = true)
    public void intake(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("result-status-intake", records, handlers);
    }

    @Incoming("status-routing")
    @Blocking(value = PROJECTION_POOL, ordered = true)
    public void routing(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("result-status-routing", records, handlers);
    }

    @Incoming("status-result")
    @Blocking(value = PROJECTION_POOL, ordered = true)
    public void result(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("result-status-result", records, handlers);
    }
}
