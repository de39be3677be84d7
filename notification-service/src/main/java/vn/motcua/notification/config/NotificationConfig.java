package vn.motcua.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** notification-service settings ({@code motcua.notification.*}); every key has a default for one machine. */
@ConfigMapping(prefix = "motcua.notification")
public interface NotificationConfig {

    Retry retry();

    Worker worker();

    Sms sms();

    Webhook webhook();

    /** Who the SUPERVISOR audience is (Văn phòng UBND): e-mail addresses. */
    @WithDefault("giamsat@motcua.local")
    List<String> supervisorEmails();

    /** Phone numbers of the SUPERVISOR audience for SMS rules; none by default. */
    Optional<List<String>> supervisorPhones();

    /**
     * How long an applicant's contact is kept after the dossier ended: long enough for the notice of an
     * earlier step on a lagging topic to still find whom to tell, short enough not to keep personal data.
     */
    @WithDefault("7d")
    Duration contactRetention();

    /** How long an event waits for its applicant's contact before it is recorded as told no one. */
    @WithDefault("7d")
    Duration waitingPatience();

    /**
     * How long a finished delivery (DELIVERED, SKIPPED, CANCELLED) stays in the log; dead letters stay until an admin
     * resends them.
     */
    @WithDefault("90d")
    Duration deliveryRetention();

    /**
     * How long the active webhook subscriptions are read from memory (issue 18, item 6): a change made through this
     * instance applies at once, one made elsewhere (another instance, SQL) within this time.
     */
    @WithDefault("2s")
    Duration subscriptionsMaxAge();

    /** How often the contacts past retention and the events past patience are cleared. */
    @WithDefault("1h")
    String housekeepingEvery();

    /**
     * The retry schedule: attempt n (1-based) that fails waits min(maxDelay, initialDelay·2^(n-1)),
     * shortened by up to {@code jitter} (a fraction), before attempt n+1; after {@code maxAttempts}
     * failed attempts the delivery is dead-lettered. The defaults survive an outage of at least 26 h
     * (see docs/notifications.md and {@code RetrySchedule#guaranteedSurvival}).
     */
    interface Retry {
        @WithDefault("40")
        int maxAttempts();

        @WithDefault("30s")
        Duration initialDelay();

        @WithDefault("1h")
        Duration maxDelay();

        /** 0 ≤ jitter < 1: each delay is drawn uniformly from [(1-jitter)·d, d]. */
        @WithDefault("0.2")
        double jitter();
    }

    interface Worker {
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for due deliveries. */
        @WithDefault("1s")
        String every();

        /** How many due deliveries one pass claims. */
        @WithDefault("20")
        int batchSize();

        /**
         * How many claimed deliveries one instance sends at once (webhooks and SMS; e-mails go one at a time on one
         * of these senders). Sending is waiting on a receiver: one at a time, one slow receiver held every message
         * behind it and the worker drained about as many messages a second as one round trip allows.
         */
        @WithDefault("8")
        int parallelism();

        /** A claimed delivery that was neither sent nor failed within this time (a crashed instance) is due again. */
        @WithDefault("2m")
        Duration lease();
    }

    interface Sms {
        /** The SMS gateway: POST {"to", "text"} as JSON; absent = SMS rules record SKIPPED deliveries. */
        Optional<String> url();

        /** Sent as {@code Authorization: Bearer ...} when present. */
        Optional<String> token();

        @WithDefault("10s")
        Duration timeout();
    }

    interface Webhook {
        @WithDefault("10s")
        Duration timeout();

        /**
         * Host names (as written in the URL) a webhook may target although they resolve to a loopback, private or
         * link-local address — an integrator inside the operator's network. None by default (docs/SECURITY.md).
         */
        Optional<Set<String>> internalHosts();
    }
}
