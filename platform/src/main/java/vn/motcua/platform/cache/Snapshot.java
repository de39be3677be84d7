package vn.motcua.platform.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small table read whole and kept for a short while (rules, subscriptions): a hot path reads memory instead of
 * PostgreSQL for every event. This instance's own writes {@link #invalidate()} it; other instances' writes are seen
 * within {@code maxAge}.
 */
public final class Snapshot<T> {
    private record Held<T>(T value, long readAt) {
    }

    private final Supplier<T> load;
    private final long maxAgeNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Held<T> held;

    public Snapshot(Supplier<T> load, Duration maxAge) {
        this.load = load;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public T get() {
        Held<T> current = held;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > maxAgeNanos) {
            long before = generation.get();
            current = new Held<>(load.get(), now);
            // a read that began before an invalidation may hold what the invalidating write replaced: used once, not kept
            if (generation.get() == before) {
                held = current;
            }
        }
        return current.value();
    }

    public void invalidate() {
        generation.incrementAndGet();
        held = null;
    }
}
