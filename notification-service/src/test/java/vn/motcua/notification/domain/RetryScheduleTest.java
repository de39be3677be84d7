package vn.motcua.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retry schedule and the outage it survives. The harness at the end replays the schedule for many
 * deliveries with random jitter against a receiver that is down from the first attempt, on a simulated
 * clock, and finds the longest outage after which no delivery was dead-lettered.
 */
class RetryScheduleTest {
    /** The production defaults (NotificationConfig.Retry). */
    private static final RetrySchedule DEFAULTS = new RetrySchedule(40, Duration.ofSeconds(30), Duration.ofHours(1), 0.2);

    @Test
    void waitsDoubleUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), DEFAULTS.nominalDelay(1));
        assertEquals(Duration.ofSeconds(60), DEFAULTS.nominalDelay(2));
        assertEquals(Duration.ofSeconds(1920), DEFAULTS.nominalDelay(7));
        assertEquals(Duration.ofHours(1), DEFAULTS.nominalDelay(8));
        assertEquals(Duration.ofHours(1), DEFAULTS.nominalDelay(1000));
    }

    @Test
    void jitterOnlyShortensAWaitByAtMostItsFraction() {
        assertEquals(Duration.ofSeconds(60), DEFAULTS.delay(2, 0.0));
        assertEquals(Duration.ofSeconds(48), DEFAULTS.delay(2, 1.0));
        assertEquals(Duration.ofSeconds(54), DEFAULTS.delay(2, 0.5));
    }

    @Test
    void theDefaultsSurviveAtLeastADayOfOutage() {
        // 30+60+...+1920 = 3810 s for waits 1–7, then 32 waits of 3600 s (8–39): 119 010 s nominal
        assertEquals(Duration.ofSeconds(3810 + 32 * 3600), DEFAULTS.nominalSurvival());
        assertEquals(Duration.ofSeconds(95208), DEFAULTS.guaranteedSurvival());
        assertTrue(DEFAULTS.guaranteedSurvival().compareTo(Duration.ofHours(24)) >= 0);
        assertTrue(DEFAULTS.exhausted(40));
        assertTrue(!DEFAULTS.exhausted(39));
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
    }

    /**
     * The harness: 100 000 deliveries first tried at the start of an outage; each follows the schedule with
     * its own jitter. A delivery is lost if its last attempt comes before the receiver is back. The shortest
     * time to the last attempt over all deliveries is the outage survived with nothing lost.
     */
    @Test
    void harnessMeasuresTheOutageSurvivedWithNothingLost() {
        SplittableRandom random = new SplittableRandom(20261123);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        int deliveries = 100_000;
        for (int i = 0; i < deliveries; i++) {
            long lastAttempt = 0;
            for (int attempt = 1; attempt < DEFAULTS.maxAttempts(); attempt++) {
                lastAttempt += DEFAULTS.delay(attempt, random.nextDouble()).toMillis();
            }
            shortest = Math.min(shortest, lastAttempt);
            longest = Math.max(longest, lastAttempt);
        }
        System.out.printf("retry harness: %d deliveries, last attempt after %.2f h (shortest) to %.2f h (longest);"
                        + " bound %.2f h, nominal %.2f h%n", deliveries, shortest / 3.6e6, longest / 3.6e6,
                DEFAULTS.guaranteedSurvival().toMillis() / 3.6e6, DEFAULTS.nominalSurvival().toMillis() / 3.6e6);
        assertTrue(shortest >= DEFAULTS.guaranteedSurvival().toMillis(), "the bound holds");
        assertTrue(longest <= DEFAULTS.nominalSurvival().toMillis());
        assertTrue(shortest >= Duration.ofHours(24).toMillis(), "a day of outage loses nothing");
        // with 39 independent waits the sum concentrates near its mean (0.9 × nominal ≈ 29.8 h)
        assertTrue(shortest > Duration.ofHours(28).toMillis(), "shortest " + shortest / 3.6e6 + " h");

        // and an outage longer than the schedule does lose (dead-letter) — then only an admin re-send helps
        RetrySchedule shortCap = new RetrySchedule(10, Duration.ofSeconds(30), Duration.ofMinutes(1), 0.2);
        assertTrue(shortCap.nominalSurvival().compareTo(Duration.ofMinutes(10)) < 0);
    }
}
