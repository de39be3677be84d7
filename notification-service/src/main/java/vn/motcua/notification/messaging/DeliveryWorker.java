package vn.motcua.notification.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.domain.Deliveries;

import java.util.List;

/**
 * Sends due deliveries: claims a batch (each instance its own rows), sends each outside any transaction,
 * then records the outcome. Runs until nothing is due, then waits for the next tick.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final Channels channels;
    private final NotificationConfig config;

    public DeliveryWorker(Deliveries deliveries, Channels channels, NotificationConfig config) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.config = config;
    }

    @Scheduled(every = "${motcua.notification.worker.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.worker().enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("delivery pass failed, next tick retries: %s", e.getMessage());
        }
    }

    /** One pass: everything due now. @return how many deliveries were attempted */
    public int runOnce() {
        int attempted = 0;
        while (true) {
            List<Deliveries.Claimed> batch = deliveries.claim(config.worker().batchSize(), config.worker().lease());
            for (Deliveries.Claimed delivery : batch) {
                try {
                    channels.send(delivery);
                    deliveries.delivered(delivery);
                } catch (Channels.DeliveryException e) {
                    deliveries.failed(delivery, e.getMessage());
                }
                attempted++;
            }
            if (batch.size() < config.worker().batchSize()) {
                return attempted;
            }
        }
    }
}
