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

    private CompletableFuture<Answer> send(String path) {
        long start = System.nanoTime();
        return http.sendAsync(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                        r.headers().firstValue("Retry-After").orElse(""), r.body(),
                        (System.nanoTime() - start) / 1_000_000, System.nanoTime()));
    }
}
