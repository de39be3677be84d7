package vn.motcua.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import vn.motcua.platform.config.ServiceConfig;

/**
 * Live while the relay thread runs. Kafka being down does not make the service unready: the outbox
 * exists precisely so that reception keeps working; the failing passes show in the data and the log.
 */
@Liveness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxRelayRunner runner;
    private final ServiceConfig config;

    public OutboxHealthCheck(OutboxRelayRunner runner, ServiceConfig config) {
        this.runner = runner;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean enabled = config.outbox().relayEnabled();
        return HealthCheckResponse.named("outbox relay")
                .status(!enabled || runner.isRunning())
                .withData("enabled", enabled)
                .withData("lastPassFailed", runner.lastPassFailed())
                .build();
    }
}
