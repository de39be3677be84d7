package vn.motcua.platform.demo;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.inbox.Handlers;
import vn.motcua.platform.inbox.InboundEvents;

/** A test-only consumer whose effect is one demo_effect row per applied event. */
@ApplicationScoped
public class DemoConsumer {
    private final InboundEvents inbound;
    private final EntityManager em;

    public DemoConsumer(InboundEvents inbound, EntityManager em) {
        this.inbound = inbound;
        this.em = em;
    }

    @Incoming("demo-in")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch("demo-consumer", records, Handlers.everyType(event -> {
            if (event.data() != null && event.data().path("fail").asBoolean()) {
                throw new IllegalArgumentException("this event can never be applied");
            }
            em.createNativeQuery("insert into demo_effect (event_id, note) values (?1, ?2)")
                    .setParameter(1, event.id())
                    .setParameter(2, event.data() == null ? "" : event.data().path("note").asText())
                    .executeUpdate();
        }));
    }
}
