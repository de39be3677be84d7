package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads of 20 MB scans (issue 21), on the running stack:
 * <ol>
 * <li>throughput through intake ({@code POST /api/dossiers/{code}/files}: spooled, checked, hashed, stored in S3)
 * against a direct PUT of the same files to the stack's s3proxy, in the same run, one upload at a time;</li>
 * <li>intake's heap (its own {@code /q/metrics}, sampled every 100 ms) while 20 clients upload a 20 MB file each at
 * once: 400 MB in flight against the local stack's 256 MB heap.</li>
 * </ol>
 * Run: {@code ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.FileUploadBenchmark}
 * (MOTCUA_PORT_OFFSET as for the stack; S3 keys as in deploy/local/lib.sh).
 */
public final class FileUploadBenchmark {
    static final int SIZE = 20 * 1024 * 1024;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
    static final int PARALLEL = Integer.getInteger("bench.parallel", 20);
    static final String S3 = System.getProperty("motcua.s3", "http://127.0.0.1:" + (8087 + Stack.PORT_OFFSET));
    static final String BUCKET = System.getProperty("motcua.s3.bucket", "motcua-files");
    static final String ACCESS_KEY = System.getProperty("motcua.s3.access-key", "motcua");
    static final String SECRET_KEY = System.getProperty("motcua.s3.secret-key", "dev-only-s3-secret-key");
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*}\\s+(\\S+)");

    private FileUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = BenchSupport.http();
        String token = BenchSupport.token(http, "counter1");
        String code = dossier(http, token);
        byte[] scan = new byte[SIZE];
        new Random(21).nextBytes(scan);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 9);
        Path file = Files.createTempFile("scan", ".pdf");
        Files.write(file, scan);
        try {
            check(upload(http, token, code, file), 201, "warm-up upload");
            check(put(http, scan), 200, "warm-up PUT");

            long intakeNanos = 0;
            long directNanos = 0;
            for (int i = 0; i < ROUNDS; i++) { // alternated, so a slow moment of the machine hits both alike
                long t0 = System.nanoTime();
                check(upload(http, token, code, file), 201, "upload");
                long t1 = System.nanoTime();
                check(put(http, scan), 200, "PUT");
                long t2 = System.nanoTime();
                intakeNanos += t1 - t0;
                directNanos += t2 - t1;
            }
            double mb = (double) SIZE * ROUNDS / (1024 * 1024);
            double intakeRate = mb / (intakeNanos / 1e9);
            double directRate = mb / (directNanos / 1e9);
            System.out.printf("throughput, %d × 20 MB one at a time: intake %.1f MB/s, direct PUT to S3 %.1f MB/s, ratio %.2f%n",
                    ROUNDS, intakeRate, directRate, intakeRate / directRate);

            long before = heap(http);
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    try {
                        peak.accumulateAndGet(heap(http), Math::max);
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
            List<Future<Integer>> uploads = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < PARALLEL; i++) {
                HttpClient own = BenchSupport.http(); // one connection per client
                uploads.add(pool.submit(() -> upload(own, token, code, file).statusCode()));
            }
            int ok = 0;
            for (Future<Integer> upload : uploads) {
                ok += upload.get() == 201 ? 1 : 0;
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            running.set(false);
            sampler.join();
            pool.shutdown();
            long after = heap(http);
            System.out.printf("%d clients × 20 MB at once: %d/%d stored in %d ms; intake heap used %d MB before, peak %d MB,"
                            + " %d MB after (max heap of the stack: 256 MB)%n", PARALLEL, ok, PARALLEL, millis,
                    before >> 20, peak.get() >> 20, after >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String dossier(HttpClient http, String token) throws Exception {
        HttpResponse<String> r = http.send(BenchSupport.reception(token), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("reception failed: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /** The multipart upload a browser makes, streamed from the file (head, file, tail). */
    static HttpResponse<String> upload(HttpClient http, String token, String code, Path file) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n1\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()), HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofByteArray(tail));
        return http.send(HttpRequest.newBuilder(URI.create(Stack.INTAKE + "/api/dossiers/" + code + "/files"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A direct PUT to the object store, signed with AWS signature version 2 (s3proxy accepts v2 and v4). */
    static HttpResponse<String> put(HttpClient http, byte[] bytes) throws Exception {
        String key = "bench/" + UUID.randomUUID();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String toSign = "PUT\n\napplication/pdf\n\nx-amz-date:" + date + "\n/" + BUCKET + "/" + key;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(S3 + "/" + BUCKET + "/" + key))
                .header("Content-Type", "application/pdf").header("x-amz-date", date)
                .header("Authorization", "AWS " + ACCESS_KEY + ":" + signature)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** intake's heap in use now: the sum of its heap pools in its Prometheus metrics. */
    static long heap(HttpClient http) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(Stack.INTAKE + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = HEAP.matcher(metrics);
        long sum = 0;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static void check(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
