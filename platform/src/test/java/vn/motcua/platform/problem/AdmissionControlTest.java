package vn.motcua.platform.problem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.demo.DemoResource;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Overload is shed, not queued (issue 18, item 5): a small admission limit and one worker thread, on purpose. */
@QuarkusTest
@TestProfile(AdmissionControlTest.Tight.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AdmissionControlTest {
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.admission.max-in-flight", "3", "motcua.admission.max-queue-wait", "300ms",
                    "quarkus.thread-pool.core-threads", "1", "quarkus.thread-pool.max-threads", "1",
                    "motcua.outbox.relay-enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @jakarta.inject.Inject
    AdmissionControl admission;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code millis}: from sending to the answer; {@code at}: when it arrived (nanoTime). */
    record Answer(int status, String type, String retryAfter, String body, long millis, long at) {
    }

    @Test
    void theExcessIsAnsweredAtOnceAndWhatWaitedTooLongIsNotExecuted() throws Exception {
        int before = DemoResource.SLOW_RUNS.get();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(send("demo/items/slow/1000"));
            Thread.sleep(20); // one takes the one worker, two queue behind it, the rest are beyond the limit
        }
        List<Answer> all = new ArrayList<>();
        for (CompletableFuture<Answer> a : answers) {
            all.add(a.get());
        }
        List<Answer> ok = all.stream().filter(a -> a.status() == 200).toList();
        assertEquals(1, ok.size(), all.toString());
        assertEquals(7, all.stream().filter(a -> a.status() == 503).count(), all.toString());
        // not queued: answered while the one request let in still held the worker (no timing threshold, which
        // a loaded machine would break: the order of the answers is the proof)
        List<Answer> shed = all.stream().filter(a -> a.status() == 503 && a.at() < ok.get(0).at()).toList();
        assertTrue(shed.size() >= 5, "five beyond the three in flight, answered before the admitted one finished: " + all);
        for (Answer a : all.stream().filter(a -> a.status() == 503).toList()) {
            assertEquals("application/problem+json", a.type(), a.toString());
            assertEquals("1", a.retryAfter(), a.toString());
            assertTrue(a.body().contains("urn:motcua:problem:overloaded"), a.body());
            assertTrue(a.body().contains("quá tải"), a.body());
        }
        assertEquals(1, DemoResource.SLOW_RUNS.get() - before,
                "the two that waited over 300 ms for the worker were refused without running");
        // health is never shed
        assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void aShedClientKeepsItsConnectionUnlessItsBodyIsLarge() throws Exception {
        List<CompletableFuture<Answer>> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            holders.add(send("demo/items/slow/4000")); // the three in flight for 4 s: whatever comes next is shed
            Thread.sleep(20);
        }
        long until = System.nanoTime() + 5_000_000_000L;
        while (admission.inFlight() < 3 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(3, admission.inFlight(), "the three slow requests hold the admission limit");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            String json = "{\"name\":\"Nguyễn Văn A\"}";
            byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // the headers first, the body a moment later: the 503 waits for the body and drops it, unparsed
            out.write(("POST /demo/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100);
            out.write(bytes);
            out.flush();
            String shed = RawHttp.read(in);
            assertTrue(shed.startsWith("HTTP/1.1 503"), shed);
            assertTrue(shed.contains("urn:motcua:problem:overloaded"), shed);
            assertTrue(!shed.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), shed);
            // the same connection carries the next request (shed too: the three still hold the limit; a request that
            // needed the one worker would wait behind them)
            out.write(("POST /demo/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String next = RawHttp.read(in);
            assertTrue(next.startsWith("HTTP/1.1 503"), next);
        }
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            // a large body is not worth reading to keep the connection: it is closed
            socket.getOutputStream().write(("POST /demo/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (AdmissionControl.DRAIN_LIMIT + 1) + "\r\n\r\n{")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(3, admission.inFlight(), "still held");
            String shed = RawHttp.read(socket.getInputStream());
            assertTrue(shed.startsWith("HTTP/1.1 503"), shed);
            assertTrue(shed.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), shed);
        }
        for (CompletableFuture<Answer> h : holders) {
            h.get();
        }
    }

    /** One HTTP/1.1 response read off a socket: status line, headers and a Content-Length body, as text. */
    static final class RawHttp {
        static String read(java.io.InputStream in) throws java.io.IOException {
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new java.io.EOFException("closed after " + head);
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String headers = head.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return headers + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private CompletableFuture<Answer> send(String path) {
        long start = System.nanoTime();
        return http.sendAsync(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                        r.headers().firstValue("Retry-After").orElse(""), r.body(),
                        (System.nanoTime() - start) / 1_000_000, System.nanoTime()));
    }
}
