package vn.motcua.system.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reception throughput against the running stack: closed-loop clients post complete newborn dossiers
 * through {@code POST /api/dossiers} as counter officers of many one-stop units (the realm's load users
 * {@code load01}…, one unit each), so that the per-unit daily sequence is not the bottleneck. Reports
 * receptions per second (201s) and latency percentiles over the measured window, after a warm-up.
 *
 * <pre>./mvnw -pl system-tests -am -Pbench -Dbench.seconds=30 -Dbench.clients=64 -Dbench.units=50 verify</pre>
 */
public final class ReceptionBenchmark {
    private ReceptionBenchmark() {
    }

    /** What one run measured: 201s a second over the window and their latency. */
    record Figures(int clients, double seconds, long created, double perSecond, double p50, double p90, double p99,
                   double max, Map<Integer, Integer> statuses) {
        void print() {
            System.out.printf("reception: %d clients, %.0f s measured%n", clients, seconds);
            System.out.printf("  receptions/s: %.0f (%d dossiers)%n", perSecond, created);
            System.out.printf("  latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", p50, p90, p99, max);
            System.out.println("  statuses: " + statuses);
        }
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = BenchSupport.http();
        run(http, BenchSupport.counterTokens(http, Integer.getInteger("bench.units", 50)),
                Integer.getInteger("bench.clients", 64), Integer.getInteger("bench.warmup", 10),
                Integer.getInteger("bench.seconds", 30)).print();
    }

    static Figures run(HttpClient http, List<String> tokens, int clients, int warmup, int seconds) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder created = new LongAdder();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[][] latencies = new long[clients][];
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                String token = tokens.get(client % tokens.size());
                try {
                    while (running.get()) {
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = http.send(BenchSupport.reception(token), HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - start;
                        if (measuring.get()) {
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            if (status == 201) {
                                created.increment();
                                if (n == mine.length) {
                                    mine = Arrays.copyOf(mine, n * 2);
                                }
                                mine[n++] = took;
                            }
                        }
                    }
                } finally {
                    latencies[client] = Arrays.copyOf(mine, n);
                    done.countDown();
                }
            }, "client-" + c);
            t.start();
            threads.add(t);
        }
        Thread.sleep(warmup * 1000L);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        done.await();

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        return new Figures(clients, elapsed, created.sum(), created.sum() / elapsed, BenchSupport.pct(all, 50),
                BenchSupport.pct(all, 90), BenchSupport.pct(all, 99), BenchSupport.max(all), counted);
    }
}
