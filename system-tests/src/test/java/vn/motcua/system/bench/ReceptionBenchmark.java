package vn.motcua.system.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reception throughput against the running stack: closed-loop clients post complete newborn dossiers
 * through {@code POST /api/dossiers} as counter officers of many one-stop units (the realm's load users
 * {@code load01}…, one unit each), so that the per-unit daily sequence is not the bottleneck. Reports
 * receptions per second (201s) and latency percentiles over the measured window, after a warm-up.
 *
 * <pre>./mvnw -pl system-tests -am -Pbench -Dbench.seconds=30 -Dbench.clients=64 -Dbench.units=50 verify</pre>
 */
public final class ReceptionBenchmark {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String BODY = """
            {"procedureCode":"LT-KS-TT-BHYT","channel":"COUNTER",
             "applicant":{"fullName":"Nguyễn Văn An","idNumber":"001090012345","phone":"0912345678",
                          "email":"an.nguyen@example.vn","address":"12 Phúc Xá, Ba Đình, Hà Nội"},
             "documents":[{"name":"Tờ khai đăng ký khai sinh","form":"ORIGINAL","copies":1},
                          {"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1},
                          {"name":"Tờ khai thay đổi thông tin cư trú","form":"ORIGINAL","copies":1},
                          {"name":"Tờ khai tham gia bảo hiểm y tế","form":"ORIGINAL","copies":1}]}""";

    private ReceptionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String intake = System.getProperty("motcua.intake", "http://localhost:8081");
        String keycloak = System.getProperty("motcua.keycloak", "http://localhost:8180");
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int clients = Integer.getInteger("bench.clients", 64);
        int units = Integer.getInteger("bench.units", 50);

        // HTTP/1.1: one connection per client thread, as browsers and counters do (the default h2c upgrade
        // would multiplex every client over a single connection).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            tokens.add(token(http, keycloak, "load%02d".formatted(i)));
        }

        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder created = new LongAdder();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[][] latencies = new long[clients][];
        AtomicLong firstError = new AtomicLong();
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
                        HttpRequest request = HttpRequest.newBuilder(URI.create(intake + "/api/dossiers"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
                            } else {
                                firstError.compareAndSet(0, status);
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
        System.out.printf("reception: %d clients, %d units, %.0f s measured after %d s warm-up%n", clients, units,
                elapsed, warmup);
        System.out.printf("  receptions/s: %.0f (%d dossiers)%n", created.sum() / elapsed, created.sum());
        System.out.printf("  latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", pct(all, 50), pct(all, 90),
                pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println("  statuses: " + new TreeMap<>(statuses));
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=motcua-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/motcua/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
