package vn.motcua.notification.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.domain.Deliveries;
import vn.motcua.platform.problem.DatabaseErrors;
import vn.motcua.shared.events.NotificationChannel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries: claims a batch (each instance its own rows), sends its webhooks and SMS in parallel
 * ({@code motcua.notification.worker.parallelism} at once) and its e-mails one after the other beside them, outside
 * any transaction, records each outcome (accepted e-mails a group at a time), and claims the next batch once the whole
 * batch is done. Runs until nothing is due, then waits for the next tick.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    /** Accepted e-mails recorded together. */
    static final int GROUP = 20;

    private final Deliveries deliveries;
    private final Channels channels;
    private final NotificationConfig config;

    private final ExecutorService senders;
    /** Set by tests that claim deliveries themselves, so the scheduled passes do not take their rows. */
    private volatile boolean paused;

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
        if (!config.worker().enabled() || paused) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warnf("delivery pass failed, next tick retries: %s", e.getMessage());
        }
    }

    /** Stops (or resumes) the scheduled passes of this instance; a pass already running finishes. For tests. */
    public void pause(boolean pause) {
        this.paused = pause;
    }

    /** One pass: everything due now. @return how many deliveries were attempted */
    public int runOnce() {
        int attempted = 0;
        while (true) {
            List<Deliveries.Claimed> batch = deliveries.claim(config.worker().batchSize(), config.worker().lease());
            List<Deliveries.Claimed> mails = new ArrayList<>();
            List<Future<Integer>> sending = new ArrayList<>(batch.size());
            for (Deliveries.Claimed delivery : batch) {
                if (delivery.channel() == NotificationChannel.EMAIL) {
                    mails.add(delivery);
                } else {
                    sending.add(senders.submit(() -> {
                        send(delivery);
                        return 1;
                    }));
                }
            }
            // E-mails go one after the other on one sender: concurrent sends through the mailer's SMTP pool
            // stalled a connection for the relay's 30 s socket time-out in a test run (a delay, then a retry).
            if (!mails.isEmpty()) {
                sending.add(senders.submit(() -> sendInGroups(mails)));
            }
            for (Future<Integer> sent : sending) {
                try {
                    attempted += sent.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempted; // shutting down: the unfinished ones are due again when their lease ends
                } catch (ExecutionException e) {
                    // recording the outcome failed (database away): the lease makes the delivery due again
                    LOG.warnf("recording a delivery's outcome failed: %s", e.getCause().getMessage());
                }
            }
            if (batch.size() < config.worker().batchSize()) {
                return attempted;
            }
        }
    }

    /**
     * Sends one after the other and records the accepted ones {@value #GROUP} at a time in one transaction (a failure
     * at once, as before). A crash between a send and its group's record sends those few again after their lease,
     * as it would one.
     */
    private int sendInGroups(List<Deliveries.Claimed> claimed) {
        List<Deliveries.Claimed> accepted = new ArrayList<>();
        for (Deliveries.Claimed delivery : claimed) {
            String failure = attempt(delivery);
            if (failure == null) {
                accepted.add(delivery);
            } else {
                record(() -> deliveries.failed(delivery, failure));
            }
            if (accepted.size() == GROUP) {
                recordDelivered(accepted);
            }
        }
        recordDelivered(accepted);
        return claimed.size();
    }

    private void recordDelivered(List<Deliveries.Claimed> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        List<Deliveries.Claimed> group = List.copyOf(accepted);
        accepted.clear();
        record(() -> deliveries.deliveredAll(group));
    }

    private void send(Deliveries.Claimed delivery) {
        if (delivery.channel() == NotificationChannel.WEBHOOK && delivery.secret() == null) {
            // deactivated or deleted since it was planned: nobody wants it any more
            record(() -> deliveries.cancelled(delivery, Deliveries.SUBSCRIPTION_GONE));
            return;
        }
        String failure = attempt(delivery);
        record(failure == null ? () -> deliveries.delivered(delivery) : () -> deliveries.failed(delivery, failure));
    }

    /** Hands the message to its channel. @return null when the channel accepted it, else why not */
    private String attempt(Deliveries.Claimed delivery) {
        try {
            channels.send(delivery);
            return null;
        } catch (Channels.DeliveryException e) {
            return e.getMessage();
        }
    }

    /** Records an outcome, retrying for half the lease while the database is unreachable. */
    private void record(Runnable outcome) {
        recordWhileUnreachable(outcome, config.worker().lease().dividedBy(2), Thread::sleep);
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
