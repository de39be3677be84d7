package vn.motcua.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.notification.domain.Planner;
import vn.motcua.platform.inbox.Handlers;
import vn.motcua.platform.inbox.InboundEvents;

/**
 * Listens to every topic but its own, one consumer per topic (group notification-service); each event
 * is planned into deliveries once ({@link InboundEvents}: a redelivered event plans nothing).
 */
@ApplicationScoped
public class SeenEventsConsumer {
    private final InboundEvents inbound;
    private final Handlers handlers;

    public SeenEventsConsumer(InboundEvents inbound, Planner planner) {
        this.inbound = inbound;
        this.handlers = Handlers.everyType(planner::on).prefetch(planner::prefetch);
    }

    @Incoming("seen-intake")
    @Blocking(ordered = true)
    public void intake(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("notification-intake", records, handlers);
    }

    @Incoming("seen-routing")
    @Blocking(ordered = true)
    public void routing(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("notification-routing", records, handlers);
    }

    @Incoming("seen-result")
    @Blocking(ordered = true)
    public void result(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("notification-result", records, handlers);
    }

    @Incoming("seen-catalog")
    @Blocking(ordered = true)
    public void catalog(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("notification-catalog", records, handlers);
    }
}
