package vn.motcua.system.faults;

import vn.motcua.system.Newborn;
import vn.motcua.system.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paced load of counter receptions, spread over the realm's 50 load units (load01…load50, real
 * Keycloak tokens). Each dossier has its own {@code Idempotency-Key} ({@code runId-n}) and is re-sent
 * with that key until it is answered 201 — so a request whose answer was lost in a crash cannot create
 * a second dossier, and the client's list of 201s can be reconciled exactly against the database.
 * Every answer is counted by status (-1: no answer — refused connection or time-out); the bodies of
 * answers other than 201 and 503 are kept for the report.
 */
final class DossierLoad {
    static final String UNIT_PATTERN = "000.__.31.H29";
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final String BODY = Newborn.atCounter("Lê Thị Sự Cố", "079190001234", "0912345678",
            "su.co@example.vn", "1 Lê Lợi, Bến Nghé, Quận 1, TP. Hồ Chí Minh");

    final String runId;
    final int total;
    private final int clients;
    private final double perSecond;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final List<String> tokens = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    /** Idempotency key → dossier code, for every 201. */
    final Map<String, String> created = new ConcurrentHashMap<>();
    /** When each 201 was answered (ms since the epoch), in the order they came. */
    final ConcurrentLinkedQueue<Long> createdAt = new ConcurrentLinkedQueue<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    /** Answers that are neither 201 nor a clear 503 problem: status and body (the first 50). */
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    /** 503 answers that were not problem details. */
    final LongAdder unclear503 = new LongAdder();
    private final AtomicReference<Throwable> crashed = new AtomicReference<>();
    private CountDownLatch done;
    Instant startedAt;
    Instant finishedAt;

    DossierLoad(String runId, int total, int clients, double perSecond) {
        this.runId = runId;
        this.total = total;
        this.clients = clients;
        this.perSecond = perSecond;
        for (int i = 1; i <= 50; i++) {
            tokens.add(Stack.token("load%02d".formatted(i)));
        }
    }

    DossierLoad start() {
        startedAt = Instant.now();
        done = new CountDownLatch(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        long due = t0 + (long) (n / perSecond * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        receive(n);
                    }
                } catch (Throwable e) {
                    crashed.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    private void receive(int n) throws InterruptedException {
        String key = runId + "-" + n;
        String token = tokens.get(n % tokens.size());
        long backoff = 100;
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.INTAKE + "/api/dossiers"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            int status;
            String body = "";
            String contentType = "";
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
                contentType = response.headers().firstValue("Content-Type").orElse("");
            } catch (java.io.IOException e) {
                status = -1;
            }
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status == 201) {
                Matcher m = CODE.matcher(body);
                if (!m.find()) {
                    throw new IllegalStateException("201 without a code: " + body);
                }
                created.put(key, m.group(1));
                createdAt.add(System.currentTimeMillis());
                return;
            }
            if (status == 503 && !(contentType.startsWith("application/problem+json") && body.contains("\"status\":503"))) {
                unclear503.increment();
            }
            if (status != 503 && status != -1 && unexpected.size() < 50) {
                unexpected.add(status + " " + body);
            }
            Thread.sleep(backoff);
            backoff = Math.min(1000, backoff * 2);
        }
    }

    /** Number of dossiers answered 201 so far. */
    int createdCount() {
        return created.size();
    }

    void awaitDone(Duration atMost) throws InterruptedException {
        if (!done.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("load not done after " + atMost + ": " + created.size() + " of " + total
                    + " created; answers " + statuses());
        }
        finishedAt = Instant.now();
        if (crashed.get() != null) {
            throw new AssertionError("a load client failed", crashed.get());
        }
    }

    /** Waits until at least {@code count} dossiers were answered 201. */
    void awaitCreated(int count, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (created.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + created.size() + " of " + count + " dossiers created: " + statuses());
            }
            Thread.sleep(50);
        }
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        statuses.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    long count(int status) {
        LongAdder adder = statuses.get(status);
        return adder == null ? 0 : adder.sum();
    }
}
