package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reception offered well beyond what it carries (issue 18: three times the rate the reception phase measured),
 * open loop: every answer is a 201 or a 503 problem with {@code Retry-After}, each 503 comes at once (p99 and max
 * reported), and nothing is half-written — the dossiers intake holds for the phase are exactly the 201s.
 */
public final class OverloadBenchmark {
    private OverloadBenchmark() {
    }

    record Figures(int rate, int seconds, Map<Integer, Integer> statuses, double shedP99Ms, double shedMaxMs,
                   int created, long stored, int unclear503, Map<String, Integer> errors) {
        String describe() {
            return "offered %d/s for %d s: %s; 503 answered p99 %.1f ms, max %.1f ms; %d created (201), %d stored by"
                    .formatted(rate, seconds, statuses, shedP99Ms, shedMaxMs, created, stored)
                    + " intake for the phase" + (unclear503 > 0 ? "; " + unclear503 + " 503 without problem details" : "")
                    + (errors.isEmpty() ? "" : "; no answer (-1), by the client's error: " + errors);
        }
    }

    /**
     * This phase alone against the running stack:
     * {@code ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.OverloadBenchmark -Dbench.rate=600 -Dbench.seconds=15}
     */
    public static void main(String[] args) throws Exception {
        HttpClient http = BenchSupport.http();
        System.out.println("overload: " + run(http, BenchSupport.counterTokens(http, Integer.getInteger("bench.units", 50)),
                Integer.getInteger("bench.rate", 600), Integer.getInteger("bench.seconds", 15)).describe());
    }

    static Figures run(HttpClient http, List<String> tokens, int rate, int seconds) throws Exception {
        int count = rate * seconds;
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> shed = new ConcurrentLinkedQueue<>();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger unclear = new AtomicInteger();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(count);
        Instant from = Instant.now();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            BenchSupport.due(start, period, i);
            long sent = System.nanoTime();
            http.sendAsync(BenchSupport.reception(tokens.get(i % tokens.size())), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        int status = error != null ? -1 : response.statusCode();
                        if (error != null) {
                            Throwable cause = error.getCause() != null ? error.getCause() : error;
                            errors.computeIfAbsent(cause.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                        }
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status == 201) {
                            created.incrementAndGet();
                        } else if (status == 503) {
                            shed.add(System.nanoTime() - sent);
                            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                                    || response.headers().firstValue("Retry-After").isEmpty()) {
                                unclear.incrementAndGet();
                            }
                        }
                        answered.countDown();
                    });
        }
        answered.await(120, TimeUnit.SECONDS);
        Instant to = Instant.now();
        long stored;
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua");
             PreparedStatement q = c.prepareStatement(
                     "select count(*) from intake.dossier where received_at >= ? and received_at <= ?")) {
            q.setTimestamp(1, Timestamp.from(from));
            q.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                stored = rs.getLong(1);
            }
        }
        long[] shedNanos = shed.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((k, v) -> counted.put(k, v.get()));
        Map<String, Integer> failed = new TreeMap<>();
        errors.forEach((k, v) -> failed.put(k, v.get()));
        return new Figures(rate, seconds, counted, BenchSupport.pct(shedNanos, 99), BenchSupport.max(shedNanos),
                created.get(), stored, unclear.get(), failed);
    }
}
