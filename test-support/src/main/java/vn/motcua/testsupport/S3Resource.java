package vn.motcua.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real S3 API server for {@code @QuarkusTest}s: the same s3proxy (filesystem backend) as the local stack, started
 * once per test JVM from its Maven Central jar (path in the system property {@code s3proxy.jar.path}, which the
 * module's build copies into {@code target/}). Each test class gets its own bucket.
 */
public class S3Resource implements QuarkusTestResourceLifecycleManager {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test-secret";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static String endpoint;

    /** The server's endpoint, started on first use and stopped when the JVM exits. */
    public static synchronized String endpoint() {
        if (endpoint == null) {
            String jar = System.getProperty("s3proxy.jar.path");
            if (jar == null || !Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("s3proxy jar not found (system property s3proxy.jar.path = " + jar + ")");
            }
            try {
                int port;
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                Path dir = Files.createTempDirectory("s3proxy");
                Path properties = dir.resolve("s3proxy.properties");
                String url = "http://127.0.0.1:" + port;
                Files.writeString(properties, String.join("\n",
                        "s3proxy.endpoint=" + url,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + dir.resolve("data")));
                Files.createDirectories(dir.resolve("data"));
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar, "--properties", properties.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (!listening(port)) {
                    if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("s3proxy did not start; see " + dir.resolve("s3proxy.log"));
                    }
                    Thread.sleep(100);
                }
                endpoint = url;
            } catch (IOException e) {
                throw new IllegalStateException("s3proxy did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return endpoint;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "motcua.files.s3.endpoint", endpoint(),
                "motcua.files.s3.bucket", "test-files-" + BUCKETS.incrementAndGet(),
                "motcua.files.s3.access-key", ACCESS_KEY,
                "motcua.files.s3.secret-key", SECRET_KEY);
    }

    @Override
    public void stop() {
        // the server lives as long as the JVM, shared by the test classes
    }
}
