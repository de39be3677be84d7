package vn.motcua.system.bench;

import vn.motcua.system.Newborn;
import vn.motcua.system.Stack;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every benchmark of the running stack shares: the addresses (those of {@link Stack}, so
 * {@code MOTCUA_PORT_OFFSET} and {@code -Dmotcua.intake=} work here too), an HTTP/1.1 client, real tokens of the
 * realm's users, the newborn dossier every reception posts, and percentiles.
 */
final class BenchSupport {
    /** The complete newborn dossier of the demo procedure; its applicant is citizen1. */
    static final String NEWBORN = Newborn.atCounter("Nguyễn Văn An", "001090012345", "0912345678",
            "an.nguyen@example.vn", "12 Phúc Xá, Ba Đình, Hà Nội");

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private BenchSupport() {
    }

    /**
     * HTTP/1.1, one connection per request in flight, as browsers and counters do: the JDK client's default h2c
     * upgrade would multiplex every client over a single connection (the first reception run measured 31/s so).
     */
    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An access token of a realm user (password = user name) by the password grant of motcua-cli. */
    static String token(HttpClient http, String user) throws Exception {
        String form = "grant_type=password&client_id=motcua-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK + "/realms/motcua/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    /** Tokens of the counter officers load01…loadNN, one per demo unit 000.NN.31.H29. */
    static List<String> counterTokens(HttpClient http, int units) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            tokens.add(token(http, "load%02d".formatted(i)));
        }
        return tokens;
    }

    /** A reception with an Idempotency-Key of its own, as a counter's client retrying safely would send it. */
    static HttpRequest reception(String token) {
        return HttpRequest.newBuilder(URI.create(Stack.INTAKE + "/api/dossiers"))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(NEWBORN)).build();
    }

    /**
     * Open loop: waits until the {@code i}-th request of a run that started at {@code start} (nanoTime) with one
     * request every {@code period} ns is due, and returns that due time, from which its latency is measured
     * whatever the answers before it did (no coordinated omission).
     */
    static long due(long start, long period, int i) {
        long due = start + i * period;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }

    /** The p-th percentile of sorted nanoseconds, in milliseconds (0 when there is nothing). */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** An open-loop run: the latencies (ns from due time, sorted) of the answers that count, and every outcome. */
    record OpenLoop(double seconds, long[] latencies, Map<String, Integer> outcomes) {
    }

    /**
     * Sends {@code rate × seconds} requests, the {@code i}-th at its due time whatever the answers before it did;
     * {@code outcome} names each answer, and those named {@code counted} give the latencies.
     */
    static <T> OpenLoop openLoop(HttpClient http, int rate, int seconds, IntFunction<HttpRequest> request,
                                 HttpResponse.BodyHandler<T> body, Function<HttpResponse<T>, String> outcome,
                                 String counted) throws InterruptedException {
        int total = rate * seconds;
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = due(start, period, i);
            int n = i;
            http.sendAsync(request.apply(i), body).whenComplete((response, error) -> {
                String named = error != null ? "error" : outcome.apply(response);
                if (counted.equals(named)) {
                    latency[n] = System.nanoTime() - due;
                }
                outcomes.computeIfAbsent(named, k -> new AtomicInteger()).incrementAndGet();
                done.countDown();
            });
        }
        done.await(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> named = new TreeMap<>();
        outcomes.forEach((k, v) -> named.put(k, v.get()));
        return new OpenLoop(elapsed, Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray(), named);
    }

    static double max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }

    /** Empties the local mail sink (GreenMail's API); a stack without one is left as it is. */
    static void purgeMail() {
        try {
            HttpResponse<String> purged = http().send(HttpRequest.newBuilder(
                            URI.create(Stack.MAIL + "/api/mail/purge")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("mail sink purged: HTTP " + purged.statusCode());
        } catch (IOException | InterruptedException e) {
            System.out.println("mail sink not purged: " + e);
        }
    }
}
