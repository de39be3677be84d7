package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole pipeline under a steady load: newborn dossiers are received at intake at a fixed rate (open loop,
 * counter officers {@code load01}… of 50 units), routing plans each one and hands the first step to the justice
 * office, result projects every event, notification mails the applicant and the office. Two figures:
 * <ul>
 *   <li><b>throughput</b>: dossiers that reached the justice office's queue as the citizen sees it (result's
 *   status shows the current agency, i.e. intake → Kafka → routing → Kafka → result), per second, from the first
 *   reception to the moment the last one got there — counted in result's table every 250 ms;</li>
 *   <li><b>lag</b>: from intake's 201 to the citizen's lookup (code + PIN) first showing the dossier, and first
 *   showing it at the justice office; polled every {@code bench.poll-ms} on one dossier in
 *   {@code bench.lag-sample} (polls before the dossier shows are misses, and each miss writes the client's
 *   rate-limit row, so polling every dossier at hundreds a second would measure that row).</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.PipelineBenchmark \
 *     -Dbench.rate=300 -Dbench.seconds=30
 * </pre>
 */
public final class PipelineBenchmark {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PIN = Pattern.compile("\"lookupPin\"\\s*:\\s*\"([0-9]{6})\"");
    private static final Pattern ROUTED = Pattern.compile("\"currentAgency\"\\s*:\\s*\"");

    private PipelineBenchmark() {
    }

    record Figures(int rate, int count, int received, long routed, double throughput, double seconds,
                   long[] visibleLag, long[] routedLag, double receptionP50, double receptionP99,
                   Map<String, Integer> outcomes) {
        void print() {
            System.out.printf("pipeline: %d dossiers offered at %d/s; %d received (201), %d at the first agency in %.1f s"
                    + " = %.0f dossiers/s end to end%n", count, rate, received, routed, seconds, throughput);
            System.out.printf("  lag ms, intake's 201 to the citizen seeing it: p50 %.1f, p99 %.1f, max %.1f (%d sampled)%n",
                    BenchSupport.pct(visibleLag, 50), BenchSupport.pct(visibleLag, 99), BenchSupport.max(visibleLag),
                    visibleLag.length);
            System.out.printf("  lag ms, intake's 201 to the citizen seeing it at the justice office: p50 %.1f, p99 %.1f,"
                            + " max %.1f (%d sampled)%n", BenchSupport.pct(routedLag, 50), BenchSupport.pct(routedLag, 99),
                    BenchSupport.max(routedLag), routedLag.length);
            System.out.printf("  reception ms (due time to 201): p50 %.1f, p99 %.1f; outcomes %s%n", receptionP50,
                    receptionP99, outcomes);
        }
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = BenchSupport.http();
        run(http, BenchSupport.counterTokens(http, Integer.getInteger("bench.units", 50)),
                Integer.getInteger("bench.rate", 300), Integer.getInteger("bench.seconds", 30),
                Integer.getInteger("bench.lag-sample", 5), Integer.getInteger("bench.poll-ms", 20)).print();
    }

    static Figures run(HttpClient http, List<String> tokens, int rate, int seconds, int lagSample, int pollMs)
            throws Exception {
        int count = rate * seconds;
        String[] codes = new String[count];
        long[] reception = new long[count];
        long[] visible = new long[count];
        long[] routed = new long[count];
        Arrays.fill(visible, -1);
        Arrays.fill(routed, -1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger received = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(count);
        CountDownLatch sampled = new CountDownLatch((count + lagSample - 1) / lagSample);
        ScheduledExecutorService polls = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "poll");
            t.setDaemon(true);
            return t;
        });
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = BenchSupport.due(start, period, i);
            int n = i;
            boolean sample = n % lagSample == 0;
            http.sendAsync(BenchSupport.reception(tokens.get(i % tokens.size())), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long at = System.nanoTime();
                        reception[n] = at - due;
                        Matcher code = error == null ? CODE.matcher(response.body()) : null;
                        Matcher pin = error == null ? PIN.matcher(response.body()) : null;
                        if (error != null || response.statusCode() != 201 || !code.find() || !pin.find()) {
                            count(outcomes, "reception " + (error != null ? error.getClass().getSimpleName()
                                    : response.statusCode()));
                            if (sample) {
                                sampled.countDown();
                            }
                        } else {
                            received.incrementAndGet();
                            codes[n] = code.group(1);
                            if (sample) {
                                HttpRequest get = HttpRequest.newBuilder(URI.create(Stack.RESULT + "/api/public/dossiers/"
                                        + code.group(1) + "?pin=" + pin.group(1))).timeout(Duration.ofSeconds(20)).build();
                                polls.schedule(() -> poll(http, polls, get, at, pollMs, n, visible, routed, outcomes,
                                        sampled), pollMs, TimeUnit.MILLISECONDS);
                            }
                        }
                        answered.countDown();
                    });
        }
        answered.await(120, TimeUnit.SECONDS);

        // Count arrivals at the first agency in result's own table until all received dossiers are there.
        long lastRouted = 0;
        long routedCount = 0;
        List<String> wanted = Arrays.stream(codes).filter(c -> c != null).toList();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua");
             PreparedStatement q = c.prepareStatement("select count(*) from result.dossier_status"
                     + " where code = any(?) and current_agency is not null")) {
            q.setArray(1, c.createArrayOf("text", wanted.toArray()));
            while (System.nanoTime() < giveUp) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    long now = rs.getLong(1);
                    if (now > routedCount) {
                        routedCount = now;
                        lastRouted = System.nanoTime();
                    }
                }
                if (routedCount >= wanted.size()) {
                    break;
                }
                Thread.sleep(250);
            }
        }
        sampled.await(60, TimeUnit.SECONDS);
        polls.shutdownNow();
        double elapsed = (lastRouted - start) / 1e9;
        Map<String, Integer> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.get()));
        long[] receptions = Arrays.stream(reception).filter(l -> l > 0).sorted().toArray();
        return new Figures(rate, count, received.get(), routedCount, routedCount / elapsed, elapsed,
                Arrays.stream(visible).filter(l -> l >= 0).sorted().toArray(),
                Arrays.stream(routed).filter(l -> l >= 0).sorted().toArray(),
                BenchSupport.pct(receptions, 50), BenchSupport.pct(receptions, 99), counted);
    }

    private static void poll(HttpClient http, ScheduledExecutorService polls, HttpRequest get, long since, int pollMs,
                             int n, long[] visible, long[] routed, Map<String, AtomicInteger> outcomes,
                             CountDownLatch sampled) {
        http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            if (error == null && response.statusCode() == 200) {
                if (visible[n] < 0) {
                    visible[n] = now - since;
                }
                if (ROUTED.matcher(response.body()).find()) {
                    routed[n] = now - since;
                    sampled.countDown();
                    return;
                }
            }
            if (now - since > TimeUnit.SECONDS.toNanos(60)) {
                count(outcomes, "not at the first agency after 60 s");
                sampled.countDown();
            } else {
                polls.schedule(() -> poll(http, polls, get, since, pollMs, n, visible, routed, outcomes, sampled),
                        pollMs, TimeUnit.MILLISECONDS);
            }
        });
    }

    private static void count(Map<String, AtomicInteger> outcomes, String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }
}
