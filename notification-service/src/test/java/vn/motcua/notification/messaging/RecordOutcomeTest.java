package vn.motcua.notification.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Recording a delivery's outcome rides out a database that is briefly away, and only that. */
class RecordOutcomeTest {
    private static RuntimeException unreachable() {
        return new IllegalStateException("could not record", new SQLTransientConnectionException("Acquisition timeout"));
    }

    @Test
    void retriesWithGrowingWaitsWhileTheDatabaseIsAwayThenRecordsOnce() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        List<Long> waits = new ArrayList<>();
        DeliveryWorker.recordWhileUnreachable(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw unreachable();
            }
            recorded.incrementAndGet();
        }, Duration.ofMinutes(1), waits::add);
        assertEquals(4, calls.get());
        assertEquals(1, recorded.get());
        assertEquals(List.of(100L, 200L, 400L), waits);
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bug = new IllegalArgumentException("a bug, not an outage");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> DeliveryWorker.recordWhileUnreachable(() -> {
            calls.incrementAndGet();
            throw bug;
        }, Duration.ofMinutes(1), millis -> { }));
        assertSame(bug, thrown);
        assertEquals(1, calls.get());
    }

    @Test
    void givesUpWhenTheBudgetIsSpent() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> DeliveryWorker.recordWhileUnreachable(() -> {
            calls.incrementAndGet();
            throw unreachable();
        }, Duration.ofMillis(50), millis -> { }));
        assertEquals(1, calls.get(), "the first wait (100 ms) is already beyond a 50 ms budget");
    }
}
