package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The citizen's status lookup {@code GET /api/public/dossiers/{code}?pin=} against the running stack, open
 * loop: requests leave at a fixed rate whatever the answers do (as citizens arrive), each for a dossier drawn
 * uniformly from the seeded ones ({@link StatusSeeder}), with the right PIN. A request's latency is measured
 * from the moment it was <em>due</em>, not from when it was sent, so a stall of the service or of this
 * generator shows up in the figures instead of being hidden by fewer requests (no coordinated omission).
 * HTTP/1.1 connections from a pool, as many browsers; the default h2c upgrade would put every request on
 * one multiplexed connection.
 *
 * <pre>
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.StatusLookupBenchmark \
 *     -Dbench.rate=2000 -Dbench.seconds=60 -Dbench.warmup=20
 * </pre>
 */
public final class StatusLookupBenchmark {
    private StatusLookupBenchmark() {
    }

    record Figures(int rate, int seconds, int dossiers, int total, double sentSeconds, long lateSends, long skipped,
                   int maxInFlight, Map<Integer, Integer> statuses, long[] latency, int warm) {
        long[] answered() {
            return Arrays.stream(latency, warm, total).filter(l -> l >= 0).sorted().toArray();
        }

        void print() {
            System.out.printf("status lookup: open loop at %d/s, %d s measured, %d dossiers seeded%n", rate, seconds,
                    dossiers);
            System.out.printf("  sent %d requests in %.1f s (%.0f/s); %d sent more than 5 ms late by the generator;"
                    + " %d skipped (too many in flight); max in flight %d%n", total, sentSeconds, total / sentSeconds,
                    lateSends, skipped, maxInFlight);
            System.out.println("  statuses (measured window): " + statuses);
            long[] ok = answered();
            System.out.printf("  latency ms from due time: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f (%d answers)%n",
                    BenchSupport.pct(ok, 50), BenchSupport.pct(ok, 90), BenchSupport.pct(ok, 99),
                    BenchSupport.pct(ok, 99.9), BenchSupport.max(ok), ok.length);
            // The same per 10 s of the measured window: shows whether the figure holds or drifts.
            for (int from = warm; from < total; from += rate * 10) {
                int to = Math.min(total, from + rate * 10);
                long[] slice = Arrays.stream(latency, from, to).filter(l -> l >= 0).sorted().toArray();
                System.out.printf("    %3d-%3d s: p50 %.2f, p99 %.2f, max %.2f ms%n", (from - warm) / rate,
                        (to - warm) / rate, BenchSupport.pct(slice, 50), BenchSupport.pct(slice, 99),
                        BenchSupport.max(slice));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        run(BenchSupport.http(), Integer.getInteger("bench.rate", 2000), Integer.getInteger("bench.seconds", 60),
                Integer.getInteger("bench.warmup", 20), Integer.getInteger("bench.dossiers", 1_000_000)).print();
    }

    static Figures run(HttpClient http, int rate, int seconds, int warmup, int dossiers) throws Exception {
        String result = Stack.RESULT;
        int maxInFlight = Integer.getInteger("bench.max-in-flight", 4000);
        String pin = System.getProperty("bench.pin", "123456");
        HttpResponse<String> probe = http.send(request(result, StatusSeeder.code(dossiers - 1), pin),
                HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() != 200 || !probe.body().contains(StatusSeeder.code(dossiers - 1))) {
            throw new IllegalStateException("the last seeded dossier does not answer (seeded? same PIN key?): "
                    + probe.statusCode() + " " + probe.body());
        }

        int warm = rate * warmup;
        int total = warm + rate * seconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        AtomicLong skipped = new AtomicLong();
        AtomicInteger completed = new AtomicInteger();
        SplittableRandom random = new SplittableRandom(42);
        long lateSends = 0;

        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = BenchSupport.due(start, period, i);
            if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(5)) {
                lateSends++;
            }
            if (inFlight.get() >= maxInFlight) {
                // The service has fallen so far behind that more connections would only measure the generator.
                skipped.incrementAndGet();
                completed.incrementAndGet();
                continue;
            }
            int now = inFlight.incrementAndGet();
            maxSeen.accumulateAndGet(now, Math::max);
            int n = i;
            http.sendAsync(request(result, StatusSeeder.code(random.nextInt(dossiers)), pin),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long took = System.nanoTime() - due;
                inFlight.decrementAndGet();
                int status = error != null ? -1 : response.statusCode();
                if (n >= warm) {
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 200) {
                        latency[n] = took;
                    }
                }
                completed.incrementAndGet();
            });
        }
        long sent = System.nanoTime() - start;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (completed.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((k, v) -> counted.put(k, v.get()));
        return new Figures(rate, seconds, dossiers, total, sent / 1e9, lateSends, skipped.get(), maxSeen.get(), counted,
                latency, warm);
    }

    static HttpRequest request(String base, String code, String pin) {
        return HttpRequest.newBuilder(URI.create(base + "/api/public/dossiers/" + code + "?pin=" + pin))
                .timeout(Duration.ofSeconds(20)).GET().build();
    }
}
