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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event-to-visible lag: dossiers are received at intake ({@code POST /api/dossiers}, open loop at a fixed
 * rate, counter officers {@code load01}… of 50 units), and each one's public status is polled at result-service
 * with the PIN of the receipt until it answers 200. The lag is from intake's 201 (the reception committed,
 * its {@code dossier.received} event in the outbox) to the first 200 at result: outbox relay, Kafka,
 * result's consumer and projection, the commit. Polls every {@code bench.poll-ms}, so the figures are up to
 * that much late. The polls before the dossier is visible are misses (404, then 429 once the client's
 * limit is spent); they are what a citizen who looks too early gets. Each one writes the client's miss
 * bucket (one row for this host), so polls grow with the lag: at 5 ms a slow moment fed itself (about 500
 * misses a second on one row, the projection's consumer queued behind them on the shared worker pool);
 * 20 ms (the default) keeps the polling light.
 *
 * <pre>
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.EventLagBenchmark \
 *     -Dbench.rate=20 -Dbench.count=600 -Dbench.poll-ms=20
 * </pre>
 */
public final class EventLagBenchmark {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PIN = Pattern.compile("\"lookupPin\"\\s*:\\s*\"([0-9]{6})\"");
    private static final String BODY = """
            {"procedureCode":"LT-KS-TT-BHYT","channel":"COUNTER",
             "applicant":{"fullName":"Nguyễn Văn An","idNumber":"001090012345","phone":"0912345678",
                          "email":"an.nguyen@example.vn","address":"12 Phúc Xá, Ba Đình, Hà Nội"},
             "documents":[{"name":"Tờ khai đăng ký khai sinh","form":"ORIGINAL","copies":1},
                          {"name":"Giấy chứng sinh","form":"ORIGINAL","copies":1},
                          {"name":"Tờ khai thay đổi thông tin cư trú","form":"ORIGINAL","copies":1},
                          {"name":"Tờ khai tham gia bảo hiểm y tế","form":"ORIGINAL","copies":1}]}""";

    private EventLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String intake = System.getProperty("motcua.intake", "http://localhost:8081");
        String result = System.getProperty("motcua.result", "http://localhost:8083");
        String keycloak = System.getProperty("motcua.keycloak", "http://localhost:8180");
        int rate = Integer.getInteger("bench.rate", 20);
        int count = Integer.getInteger("bench.count", 600);
        int warmupCount = Integer.getInteger("bench.warmup-count", rate * 10);
        int pollMs = Integer.getInteger("bench.poll-ms", 20);
        int units = Integer.getInteger("bench.units", 50);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            tokens.add(token(http, keycloak, "load%02d".formatted(i)));
        }
        ScheduledExecutorService polls = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "poll");
            t.setDaemon(true);
            return t;
        });

        int total = warmupCount + count;
        long[] lag = new long[total];
        long[] reception = new long[total];
        Arrays.fill(lag, -1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicLong pollCount = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            HttpRequest post = HttpRequest.newBuilder(URI.create(intake + "/api/dossiers"))
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long received = System.nanoTime();
                reception[n] = received - due;
                if (error != null || response.statusCode() != 201) {
                    outcomes.computeIfAbsent("reception " + (error != null ? error.getClass().getSimpleName()
                            : response.statusCode()), k -> new AtomicInteger()).incrementAndGet();
                    done.countDown();
                    return;
                }
                Matcher code = CODE.matcher(response.body());
                Matcher pin = PIN.matcher(response.body());
                if (!code.find() || !pin.find()) {
                    outcomes.computeIfAbsent("receipt without code or PIN", k -> new AtomicInteger()).incrementAndGet();
                    done.countDown();
                    return;
                }
                HttpRequest get = StatusLookupBenchmark.request(result, code.group(1), pin.group(1));
                poll(http, polls, get, received, received + TimeUnit.SECONDS.toNanos(60), pollMs, pollCount, n, lag,
                        outcomes, done);
            });
        }
        done.await(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;

        long[] measured = Arrays.stream(lag, warmupCount, total).filter(l -> l >= 0).sorted().toArray();
        long[] receptions = Arrays.stream(reception, warmupCount, total).filter(l -> l > 0).sorted().toArray();
        System.out.printf("event-to-visible lag: %d dossiers received at %d/s (%d more as warm-up), polled every %d ms;"
                + " %.0f s%n", count, rate, warmupCount, pollMs, elapsed);
        System.out.printf("  lag ms (intake's 201 to result's first 200): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f"
                        + " (%d visible)%n", pct(measured, 50), pct(measured, 90), pct(measured, 99),
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6, measured.length);
        System.out.printf("  reception ms (due to 201): p50 %.1f, p99 %.1f%n", pct(receptions, 50), pct(receptions, 99));
        System.out.printf("  polls: %d; outcomes: %s%n", pollCount.get(), new TreeMap<>(outcomes));
    }

    private static void poll(HttpClient http, ScheduledExecutorService polls, HttpRequest get, long since, long giveUp,
                             int pollMs, AtomicLong pollCount, int n, long[] lag, Map<String, AtomicInteger> outcomes,
                             CountDownLatch done) {
        pollCount.incrementAndGet();
        http.sendAsync(get, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            if (error == null && response.statusCode() == 200) {
                lag[n] = now - since;
                outcomes.computeIfAbsent("visible", k -> new AtomicInteger()).incrementAndGet();
                done.countDown();
            } else if (now > giveUp) {
                outcomes.computeIfAbsent("not visible after 60 s", k -> new AtomicInteger()).incrementAndGet();
                done.countDown();
            } else {
                polls.schedule(() -> poll(http, polls, get, since, giveUp, pollMs, pollCount, n, lag, outcomes, done),
                        pollMs, TimeUnit.MILLISECONDS);
            }
        });
    }

    private static double pct(long[] sorted, int p) {
        return StatusLookupBenchmark.pct(sorted, p);
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
