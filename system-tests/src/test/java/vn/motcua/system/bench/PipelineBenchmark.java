package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 *   <li><b>lag</b>, of every dossier: from intake's 201 to result's table first showing it readable by code and PIN,
 *   and first showing it at the justice office, polled every {@code bench.poll-ms} (50) in one query. Not through the
 *   citizens' API: polls before a dossier shows are misses, each miss writes the client's rate-limit row, and
 *   thousands of them a second loaded the service measured (issue 18). Accurate to the poll period.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.PipelineBenchmark \
 *     -Dbench.rate=300 -Dbench.seconds=30 [-Dbench.warmup-seconds=20 -Dbench.warmup-rate=150] [-Dbench.with-peer=true]
 * </pre>
 * It also prints CPU ms and SQL statements per dossier, and with {@code bench.with-peer=true} runs the Flowable peer on the
 * same PostgreSQL afterwards ({@link FlowablePeer}) and prints the pipeline's rate as a ratio of the peer's.
 */
public final class PipelineBenchmark {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    private PipelineBenchmark() {
    }

    record Figures(int rate, int count, int received, long routed, double throughput, double seconds,
                   long[] visibleLag, long[] routedLag, double receptionP50, double receptionP99,
                   Map<String, Integer> outcomes) {
        void print() {
            System.out.printf("pipeline: %d dossiers offered at %d/s; %d received (201), %d at the first agency in %.1f s"
                    + " = %.0f dossiers/s end to end%n", count, rate, received, routed, seconds, throughput);
            System.out.printf("  lag ms, intake's 201 to the citizen seeing it: p50 %.1f, p99 %.1f, max %.1f (%d dossiers)%n",
                    BenchSupport.pct(visibleLag, 50), BenchSupport.pct(visibleLag, 99), BenchSupport.max(visibleLag),
                    visibleLag.length);
            System.out.printf("  lag ms, intake's 201 to the citizen seeing it at the justice office: p50 %.1f, p99 %.1f,"
                            + " max %.1f (%d dossiers)%n", BenchSupport.pct(routedLag, 50), BenchSupport.pct(routedLag, 99),
                    BenchSupport.max(routedLag), routedLag.length);
            System.out.printf("  reception ms (due time to 201): p50 %.1f, p99 %.1f; outcomes %s%n", receptionP50,
                    receptionP99, outcomes);
        }
    }

    /**
     * A warm-up run first ({@code bench.warmup-seconds}, default 20, at {@code bench.warmup-rate}, default half the
     * rate; 0 skips it), printed apart and not counted: right after a restart the services' JIT is cold and the first
     * run carried a third of the warm rate (docs/BENCHMARKS.md, 2026-12-04), which says nothing of the pipeline.
     */
    public static void main(String[] args) throws Exception {
        HttpClient http = BenchSupport.http();
        List<String> tokens = BenchSupport.counterTokens(http, Integer.getInteger("bench.units", 50));
        int rate = Integer.getInteger("bench.rate", 300);
        int pollMs = Integer.getInteger("bench.poll-ms", 50);
        int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 20);
        BenchSupport.purgeMail(); // a sink holding a stack's earlier mails spends more CPU per mail than the system
        if (warmupSeconds > 0) {
            System.out.println("warm-up (not counted):");
            run(http, tokens, Integer.getInteger("bench.warmup-rate", Math.max(1, rate / 2)), warmupSeconds, pollMs)
                    .print();
            System.out.println("measured:");
        }
        CpuMeter cpu = CpuMeter.start();
        SqlStatements sql = SqlStatements.start();
        Figures measured = run(http, tokens, rate, Integer.getInteger("bench.seconds", 30), pollMs);
        measured.print();
        System.out.println("  CPU ms per dossier at the first agency: " + CpuMeter.format(cpu.perUnit(measured.routed())));
        System.out.println("  " + sql.report(measured.routed(), Integer.getInteger("bench.top-statements", 15)));
        if (Boolean.getBoolean("bench.with-peer")) {
            // the peer on the same PostgreSQL right after, so that the ratio of issue 18's floor comes from one run
            FlowablePeer.Figures peer = FlowablePeer.run(Integer.getInteger("bench.peer.cases", 2000),
                    Integer.getInteger("bench.peer.starts", 5000), Integer.getInteger("bench.peer.warmup", 30));
            System.out.printf("peer: %s%n  pipeline %.0f dossiers/s = %.2f x Flowable's full-case rate (floor 1.5 x)%n",
                    peer.summary(), measured.throughput(), measured.throughput() / peer.casesPerSecond());
        }
    }

    static Figures run(HttpClient http, List<String> tokens, int rate, int seconds, int pollMs) throws Exception {
        int count = rate * seconds;
        // codes.set after answeredAt[n]: a poller that reads a code also sees its 201 time
        AtomicReferenceArray<String> codes = new AtomicReferenceArray<>(count);
        long[] reception = new long[count];
        long[] answeredAt = new long[count];
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger received = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(count);
        LagPoll lag = new LagPoll(codes, answeredAt, answered, pollMs,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 180L));
        FutureTask<Void> polling = new FutureTask<>(lag, null);
        Thread poller = new Thread(polling, "lag-poll");
        poller.setDaemon(true);
        poller.start();

        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = BenchSupport.due(start, period, i);
            int n = i;
            http.sendAsync(BenchSupport.reception(tokens.get(i % tokens.size())), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long at = System.nanoTime();
                        reception[n] = at - due;
                        Matcher code = error == null ? CODE.matcher(response.body()) : null;
                        if (error != null || response.statusCode() != 201 || !code.find()) {
                            count(outcomes, "reception " + (error != null ? error.getClass().getSimpleName()
                                    : response.statusCode()));
                        } else {
                            received.incrementAndGet();
                            answeredAt[n] = at;
                            codes.set(n, code.group(1));
                        }
                        answered.countDown();
                    });
        }
        polling.get();

        double elapsed = (lag.lastRouted - start) / 1e9;
        if (lag.routedCount < received.get()) {
            count(outcomes, "not at the first agency within " + (seconds + 180) + " s");
        }
        Map<String, Integer> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.get()));
        long[] receptions = Arrays.stream(reception).filter(l -> l > 0).sorted().toArray();
        return new Figures(rate, count, received.get(), lag.routedCount, lag.routedCount / elapsed, elapsed,
                Arrays.stream(lag.visible).filter(l -> l >= 0).sorted().toArray(),
                Arrays.stream(lag.routed).filter(l -> l >= 0).sorted().toArray(),
                BenchSupport.pct(receptions, 50), BenchSupport.pct(receptions, 99), counted);
    }

    /**
     * Lag from result's own table, beside the load (not through the citizens' API, which would load the service
     * measured): every {@code pollMs} (longer with a backlog, see below), one query over the dossiers not yet at the
     * justice office; the time a poll
     * first sees a dossier readable (it has its PIN) and at the justice office, minus its 201.
     */
    private static final class LagPoll implements Runnable {
        private final AtomicReferenceArray<String> codes;
        private final long[] answeredAt;
        private final CountDownLatch answered;
        private final int pollMs;
        private final long giveUp;
        private final Map<String, Integer> index = new HashMap<>();
        final long[] visible;
        final long[] routed;
        volatile long lastRouted;
        volatile long routedCount;

        LagPoll(AtomicReferenceArray<String> codes, long[] answeredAt, CountDownLatch answered, int pollMs, long giveUp) {
            this.codes = codes;
            this.answeredAt = answeredAt;
            this.answered = answered;
            this.pollMs = pollMs;
            this.giveUp = giveUp;
            this.visible = new long[codes.length()];
            this.routed = new long[codes.length()];
            Arrays.fill(visible, -1);
            Arrays.fill(routed, -1);
        }

        @Override
        public void run() {
            try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua");
                 PreparedStatement q = c.prepareStatement("/* bench */ select code, pin_hmac is not null, current_agency is not null"
                         + " from result.dossier_status where code = any(?)")) {
                while (System.nanoTime() < giveUp) {
                    boolean allAnswered = answered.getCount() == 0;
                    List<String> pending = new ArrayList<>();
                    for (int i = 0; i < codes.length(); i++) {
                        String code = codes.get(i);
                        if (code != null && routed[i] < 0) {
                            index.putIfAbsent(code, i);
                            pending.add(code);
                        }
                    }
                    if (allAnswered && pending.isEmpty()) {
                        return;
                    }
                    q.setArray(1, c.createArrayOf("text", pending.toArray()));
                    long now = System.nanoTime();
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            int n = index.get(rs.getString(1));
                            if (rs.getBoolean(2) && visible[n] < 0) {
                                visible[n] = now - answeredAt[n];
                            }
                            if (rs.getBoolean(2) && rs.getBoolean(3) && routed[n] < 0) {
                                routed[n] = now - answeredAt[n];
                                routedCount++;
                                lastRouted = now;
                            }
                        }
                    }
                    // A backlog makes each poll longer: at most about 4,000 codes looked up a second, so that a saturated
                    // pipeline is not loaded further by its own measurement (at 4,000 pending, one poll every second,
                    // where the lag is already many seconds); a pipeline that keeps up is polled every pollMs.
                    Thread.sleep(Math.max(pollMs, pending.size() / 4));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the lag poll failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void count(Map<String, AtomicInteger> outcomes, String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }
}
