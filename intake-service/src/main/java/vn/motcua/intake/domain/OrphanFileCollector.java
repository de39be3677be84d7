package vn.motcua.intake.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.intake.config.FilesConfig;

import java.time.Instant;

/** Runs {@link DossierFiles#collectOrphans} now and then; an unreachable object store only delays it. */
@ApplicationScoped
public class OrphanFileCollector {
    private static final Logger LOG = Logger.getLogger(OrphanFileCollector.class);
    private final DossierFiles files;
    private final FilesConfig config;

    public OrphanFileCollector(DossierFiles files, FilesConfig config) {
        this.files = files;
        this.config = config;
    }

    @Scheduled(every = "${motcua.files.collect-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collect() {
        try {
            files.collectOrphans(Instant.now().minus(config.orphanGrace()));
        } catch (RuntimeException e) {
            LOG.warnf("collecting unreferenced file objects failed, next run retries: %s", e.getMessage());
        }
    }
}
