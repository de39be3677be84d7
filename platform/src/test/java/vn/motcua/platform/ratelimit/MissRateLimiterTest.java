package vn.motcua.platform.ratelimit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MissRateLimiterTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    MissRateLimiter limiter;

    @Test
    void tenMissesAMinuteThenBlockedUntilTheWindowEnds() {
        String bucket = "ip:" + UUID.randomUUID();
        long firstMiss = System.nanoTime();
        for (int i = 1; i <= 9; i++) {
            assertTrue(limiter.recordMiss(bucket, 10, MINUTE).isEmpty(), "miss " + i + " is allowed");
            assertTrue(limiter.blockedFor(bucket, 10, MINUTE).isEmpty());
        }
        Optional<Duration> blocked = limiter.recordMiss(bucket, 10, MINUTE);
        assertTrue(blocked.isPresent(), "the tenth miss uses up the minute");
        // Blocked until a minute after the first miss: what is left is the minute less the time the misses took
        // (on a busy machine more than the few milliseconds they usually take).
        Duration sinceFirstMiss = Duration.ofNanos(System.nanoTime() - firstMiss);
        assertTrue(blocked.get().compareTo(MINUTE) <= 0
                && blocked.get().compareTo(MINUTE.minus(sinceFirstMiss).minusSeconds(1)) >= 0,
                blocked + " left, " + sinceFirstMiss + " after the first miss");
        assertTrue(limiter.blockedFor(bucket, 10, MINUTE).isPresent());
        assertTrue(limiter.blockedFor("ip:" + UUID.randomUUID(), 10, MINUTE).isEmpty(), "other clients are not affected");
    }

    @Test
    void theWindowResetsAfterItEnds() {
        String bucket = "ip:" + UUID.randomUUID();
        // Long enough for the second miss to fall in the first one's window on a slow machine, short enough to wait out.
        Duration window = Duration.ofSeconds(5);
        limiter.recordMiss(bucket, 2, window);
        assertTrue(limiter.recordMiss(bucket, 2, window).isPresent());
        await().atMost(Duration.ofSeconds(30)).until(() -> limiter.blockedFor(bucket, 2, window).isEmpty());
        assertFalse(limiter.recordMiss(bucket, 2, window).isPresent(), "a new window starts with one miss");
    }

    @Test
    void concurrentMissesAreAllCounted() throws InterruptedException {
        String bucket = "ip:" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> limiter.recordMiss(bucket, 1000, MINUTE));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(limiter.blockedFor(bucket, 40, MINUTE).isPresent(), "40 misses counted");
        assertEquals(Optional.empty(), limiter.blockedFor(bucket, 41, MINUTE));
    }
}
