package vn.motcua.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The real receivers the service sends to in tests: a GreenMail SMTP server and a JDK HTTP server that
 * plays the SMS gateway ({@code /sms}) and integrators' webhooks ({@code /hooks/...}). Each path answers
 * the status set for it (200 by default), so a test can take a receiver down and bring it back.
 */
public class Receivers implements QuarkusTestResourceLifecycleManager {
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    /** One request as the receiver saw it, with the status it answered. */
    public record Request(String path, Map<String, List<String>> headers, String body, int status) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private GreenMail greenMail;
    private HttpServer http;
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        int smtpPort = freePort();
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no HTTP receiver", e);
        }
        http.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            int status = statuses.getOrDefault(path, 200);
            int now = inFlight.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            mostAtOnce.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(delays.getOrDefault(path, 0L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.get(path).decrementAndGet();
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtpPort),
                "motcua.notification.sms.url", baseUrl() + "/sms",
                "receivers.http", baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class, Receivers.class));
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop(0);
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Makes {@code path} answer {@code status} from now on (e.g. 503 for "down", 200 for "back"). */
    public void answer(String path, int status) {
        statuses.put(path, status);
    }

    /** Makes {@code path} take {@code millis} before it answers: a slow receiver. */
    public void delay(String path, long millis) {
        delays.put(path, millis);
    }

    /** The most requests {@code path} was serving at the same moment. */
    public int mostAtOnce(String path) {
        java.util.concurrent.atomic.AtomicInteger most = mostAtOnce.get(path);
        return most == null ? 0 : most.get();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<MimeMessage> mailTo(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                for (var recipient : message.getAllRecipients()) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        mails.add(message);
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
