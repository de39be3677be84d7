package vn.motcua.notification.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.domain.Deliveries;
import vn.motcua.notification.domain.Directory;
import vn.motcua.notification.domain.Planner;

/**
 * Drops the contacts of dossiers that ended longer ago than the retention period and the finished deliveries past
 * theirs, and gives up on events whose applicant's contact never came. Every instance may run it: both steps are single statements that
 * another instance running at the same time leaves correct.
 */
@ApplicationScoped
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final Directory directory;
    private final Planner planner;
    private final Deliveries deliveries;
    private final NotificationConfig config;

    public Housekeeping(Directory directory, Planner planner, Deliveries deliveries, NotificationConfig config) {
        this.directory = directory;
        this.planner = planner;
        this.deliveries = deliveries;
        this.config = config;
    }

    @Scheduled(every = "${motcua.notification.housekeeping-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("housekeeping failed, next tick retries: %s", e.getMessage());
        }
    }

    public void run() {
        int purged = directory.purge(config.contactRetention());
        int givenUp = planner.giveUpWaiting(config.waitingPatience());
        int old = deliveries.purge(config.deliveryRetention());
        if (purged > 0 || givenUp > 0 || old > 0) {
            LOG.infof("dropped %d contacts past retention and %d finished deliveries; %d events stopped waiting for a contact",
                    purged, old, givenUp);
        }
    }
}
