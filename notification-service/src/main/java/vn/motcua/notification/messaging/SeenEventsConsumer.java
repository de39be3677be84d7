package vn.motcua.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.notification.domain.Planner;
import vn.motcua.platform.inbox.InboundEvents;

/**
 * Listens to every topic but its own, one consumer per topic (group notification-service); each event
 * is planned into deliveries once ({@link InboundEvents}: a redelivered event plans nothing).
 */
@ApplicationScoped
public class SeenEventsConsumer {
    private final InboundEvents inbound;
    private final Planner planner;

    public SeenEventsConsumer(InboundEvents inbound, Planner planner) {
        this.inbound = inbound;
        this.planner = planner;
    }

    @Incoming("seen-intake")
    @Blocking(ordered = true)
    public void intake(ConsumerRecord<String, String> record) throws InterruptedException {
        apply("notification-intake", record);
    }

    @Incoming("seen-routing")
    @Blocking(ordered = true)
    public void routing(ConsumerRecord<String, String> record) throws InterruptedException {
        apply("notification-routing", record);
    }

    @Incoming("seen-result")
    @Blocking(ordered = true)
    public void result(ConsumerRecord<String, String> record) throws InterruptedException {
        apply("notification-result", record);
    }

    @Incoming("seen-catalog")
    @Blocking(ordered = true)
    public void catalog(ConsumerRecord<String, String> record) throws InterruptedException {
        apply("notification-catalog", record);
    }

    private void apply(String consumer, ConsumerRecord<String, String> record) throws InterruptedException {
        inbound.apply(consumer, record.topic(), record.key(), record.value(), planner::on);
    }
}
