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

    /**
     * The first pass runs soon after start: it also builds the S3 client and loads the SDK (about half a second of
     * CPU), which otherwise fell on the first upload, or a minute in, on whatever the instance was serving then
     * (a third of intake's profile samples during a benchmark's first measured seconds).
     */
    @Scheduled(every = "${motcua.files.collect-every:10m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void collect() {
        try {
            files.collectOrphans(Instant.now().minus(config.orphanGrace()));
        } catch (RuntimeException e) {
            LOG.warnf("collecting unreferenced file objects failed, next run retries: %s", e.getMessage());
        }
    }
}
