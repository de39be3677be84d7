package vn.motcua.notification.domain;

import vn.motcua.notification.config.NotificationConfig;

import java.time.Duration;

/**
 * When a failed delivery is tried again: exponential backoff with a cap and jitter, and a last attempt
 * after which it is dead-lettered. Pure, so the outage it survives can be computed and tested.
 *
 * @param maxAttempts  attempts in all, the first included (≥ 1)
 * @param initialDelay the wait after the first failure
 * @param maxDelay     the cap on any one wait
 * @param jitter       0 ≤ jitter &lt; 1: each wait is drawn from [(1-jitter)·d, d], so instances that failed
 *                     together do not retry together, and a wait is never longer than the nominal one
 */
public record RetrySchedule(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {

    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 < initialDelay ≤ maxDelay");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    public static RetrySchedule of(NotificationConfig.Retry retry) {
        return new RetrySchedule(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay(), retry.jitter());
    }

    /** The wait after failed attempt {@code attempt} (1-based) before jitter: min(maxDelay, initialDelay·2^(attempt-1)). */
    public Duration nominalDelay(int attempt) {
        int doublings = Math.min(attempt - 1, 62);
        long millis = initialDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    /** The wait after failed attempt {@code attempt}, for a uniform random number {@code random} in [0, 1). */
    public Duration delay(int attempt, double random) {
        long nominal = nominalDelay(attempt).toMillis();
        return Duration.ofMillis(Math.round(nominal * (1 - jitter * random)));
    }

    /** Whether a delivery that has failed {@code attempts} times is dead-lettered now. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * From the first attempt to the last one when every wait is the shortest jitter allows: a receiver
     * that is back within this time of an outage's start gets every message (the worst case; the worker's
     * polling interval only adds to it).
     */
    public Duration guaranteedSurvival() {
        return sumOfWaits(1 - jitter);
    }

    /** The same without jitter: the longest the schedule can keep trying. */
    public Duration nominalSurvival() {
        return sumOfWaits(1);
    }

    private Duration sumOfWaits(double factor) {
        long millis = 0;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            millis += Math.round(nominalDelay(attempt).toMillis() * factor);
        }
        return Duration.ofMillis(millis);
    }
}
