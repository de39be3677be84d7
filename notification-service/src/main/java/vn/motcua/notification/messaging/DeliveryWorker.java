package vn.motcua.notification.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.domain.Deliveries;
import vn.motcua.platform.problem.DatabaseErrors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries: claims a batch (each instance its own rows), sends its deliveries in parallel
 * ({@code motcua.notification.worker.parallelism} at once) outside any transaction, records each outcome, and
 * claims the next batch once the whole batch is done. Runs until nothing is due, then waits for the next tick.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final Channels channels;
    private final NotificationConfig config;

    private final ExecutorService senders;

    public DeliveryWorker(Deliveries deliveries, Channels channels, NotificationConfig config) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, config.worker().parallelism()), r -> {
            Thread t = new Thread(r, "delivery-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
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
            List<Future<?>> sending = new ArrayList<>(batch.size());
            for (Deliveries.Claimed delivery : batch) {
                sending.add(senders.submit(() -> send(delivery)));
            }
            for (Future<?> sent : sending) {
                try {
                    sent.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted; // shutting down: the unfinished ones are due again when their lease ends
                } catch (ExecutionException e) {
                    // recording the outcome failed (database away): the lease makes the delivery due again
                    LOG.warnf("recording a delivery's outcome failed: %s", e.getCause().getMessage());
                }
                attempted++;
            }
            if (batch.size() < config.worker().batchSize()) {
                return attempted;
            }
        }
    }

    private void send(Deliveries.Claimed delivery) {
        String error = null;
        try {
            channels.send(delivery);
        } catch (Channels.DeliveryException e) {
            error = e.getMessage();
        }
        String failure = error;
        recordWhileUnreachable(failure == null ? () -> deliveries.delivered(delivery)
                : () -> deliveries.failed(delivery, failure), config.worker().lease().dividedBy(2), Thread::sleep);
    }

    /** Sleeps between attempts; a parameter so a test need not wait. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * Records a sent (or failed) delivery's outcome, retrying while the database cannot be reached, for up to
     * {@code budget} (half the lease). Given up at once, a message already sent would wait out its lease and go
     * out a second time, and the rest of the batch would wait too (found by the PostgreSQL fault test,
     * docs/FAULTS.md). Other errors are not retried.
     */
    static void recordWhileUnreachable(Runnable record, Duration budget, Sleeper sleeper) {
        long giveUp = System.nanoTime() + budget.toNanos();
        long wait = 100;
        while (true) {
            try {
                record.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseErrors.unreachable(e) || System.nanoTime() + wait * 1_000_000 > giveUp) {
                    throw e;
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down: the lease makes the delivery due again
            }
            wait = Math.min(wait * 2, 5_000);
        }
    }
}
