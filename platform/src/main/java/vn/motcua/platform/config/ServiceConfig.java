package vn.motcua.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the shared machinery; every key has a default that suits one service on one machine. */
@ConfigMapping(prefix = "motcua")
public interface ServiceConfig {

    /** The service's short name ({@code intake}, {@code routing}, ...): its schema and its event source. */
    String service();

    Outbox outbox();

    Idempotency idempotency();

    /**
     * Lets a packaged service start with the development PIN and citizen-link keys committed in the sources
     * ({@link DevKeyGuard}): only for the local stack and developers' machines, never in a deployment.
     */
    @WithDefault("false")
    boolean allowDevKeys();

    interface Outbox {
        /** Turn the relay off (e.g. to let a test drive it by hand); the writer always works. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Lanes of the outbox: one relay instance holds a lane at a time, so more lanes let more instances share the work. */
        @WithDefault("16")
        int lanes();

        @WithDefault("500")
        int batchSize();

        /** How long the relay sleeps when the outbox is empty (it is also woken by each commit). */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Upper bound of the back-off after a failed pass (Kafka or PostgreSQL down). */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long one send may wait for Kafka's acknowledgement before the pass is retried. */
        @WithDefault("30s")
        Duration deliveryTimeout();
    }

    interface Idempotency {
        /** How long a used Idempotency-Key is remembered. */
        @WithDefault("24h")
        Duration retention();
    }
}
