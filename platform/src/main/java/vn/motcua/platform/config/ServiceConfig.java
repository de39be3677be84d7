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

    Admission admission();

    Audit audit();

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

        /**
         * Kafka codec of the relay's batches ({@code none}, {@code lz4}, {@code zstd}, ...). None by default: an event is
         * 1–2 KB of JSON and a pass's batch small, so compression saves little bandwidth, while the pure-Java LZ4 codec
         * was 6 % of intake's CPU samples under load and the broker and every consumer pay to decompress it again
         * (docs/BENCHMARKS.md). Worth turning on across a slow link between data centres.
         */
        @WithDefault("none")
        String compression();
    }

    interface Idempotency {
        /** How long a used Idempotency-Key is remembered. */
        @WithDefault("24h")
        Duration retention();
    }

    /**
     * Overload is shed, not queued (issue 18): requests beyond {@code maxInFlight} are answered 503 at once on
     * the event loop, before the token is checked or the body read; a request that still waited longer than
     * {@code maxQueueWait} for a worker thread is answered 503 without being executed. Health, metrics and
     * OpenAPI ({@code /q/}) are never shed.
     */
    interface Admission {
        @WithDefault("true")
        boolean enabled();

        /**
         * Requests one instance works on or holds at once: about three for each of its 20 database connections. More
         * only queue for a connection (a load run showed 503s after the 5 s acquisition time-out instead of at once).
         */
        @WithDefault("64")
        int maxInFlight();

        @WithDefault("1s")
        Duration maxQueueWait();

        /** Sent as {@code Retry-After}. */
        @WithDefault("1s")
        Duration retryAfter();
    }

    /** The tamper-evident audit log (issue 23, docs/AUDIT.md). */
    interface Audit {
        /**
         * Whether events and administrative changes are written to the audit log. Off only to measure what it costs
         * (the benchmark stack); a deployment keeps it on.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The Ed25519 secret (32 bytes, base64: {@code openssl rand -base64 32}) that signs the chain's checkpoints and,
         * in intake, the receipts' tokens. Platform's configuration holds the development key, refused in a packaged
         * service ({@code DevKeyGuard}); a deployment sets {@code MOTCUA_AUDIT_SIGNING_KEY}, one per service.
         */
        String signingKey();

        /** How often the sealer chains what was committed since its last pass (it is also woken by commits). */
        @WithDefault("500ms")
        Duration sealInterval();

        /** A signed checkpoint after this many entries... */
        @WithDefault("1000")
        int checkpointEntries();

        /** ...or this long after the last one, whichever comes first, when entries were sealed since. */
        @WithDefault("5m")
        Duration checkpointInterval();
    }
}
