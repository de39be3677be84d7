package vn.motcua.platform.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.motcua.platform.config.ServiceConfig;
import vn.motcua.shared.events.EventJson;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds overload instead of queueing it ({@link ServiceConfig.Admission}). The first handler of the router counts
 * the requests in flight and answers the excess at once — 503 problem details with {@code Retry-After}, before
 * the bearer token is verified or the body read, so an answer costs microseconds and nothing is written. The
 * request filter refuses, unexecuted, a request that waited too long for a worker thread: its client has likely
 * given up, and executing it would only lengthen the queue behind it.
 */
@ApplicationScoped
public class AdmissionControl {
    static final String ARRIVED = AdmissionControl.class.getName() + ".arrived";
    static final String OVERLOADED = "Hệ thống đang quá tải; vui lòng thử lại sau ít giây.";

    private final ServiceConfig.Admission config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;
    private final Counter expired;
    private final byte[] body;

    /** The HTTP layer's body limit; a request that declares more is answered here, as problem details. */
    private final long maxBody;

    public AdmissionControl(ServiceConfig config, MeterRegistry metrics,
                            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size",
                                    defaultValue = "10M") io.quarkus.runtime.configuration.MemorySize maxBody) {
        this.maxBody = maxBody.asLongValue();
        this.config = config.admission();
        this.shed = Counter.builder("motcua.admission.shed").description("requests answered 503 at once: too many in flight")
                .register(metrics);
        this.expired = Counter.builder("motcua.admission.expired")
                .description("requests answered 503 unexecuted: waited too long for a worker").register(metrics);
        this.body = json(Problem.of("overloaded", "Dịch vụ tạm thời quá tải", 503, OVERLOADED));
    }

    void install(@Observes Router router) {
        if (config.enabled()) {
            router.route().order(Integer.MIN_VALUE).handler(this::admit);
        }
    }

    /** Requests in flight now (for tests and metrics). */
    public int inFlight() {
        return inFlight.get();
    }

    void admit(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/q/")) {
            context.next();
            return;
        }
        if (declaresTooMuch(context)) {
            // Quarkus would refuse it too, but with a bare 413 and no problem details (issue 21's uploads)
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(io.vertx.core.buffer.Buffer.buffer(json(Problem.of("body-too-large", "Yêu cầu quá lớn", 413,
                            "Nội dung gửi lên vượt giới hạn " + (maxBody / (1024 * 1024)) + " MB của dịch vụ.")
                            .withInstance(path))));
            return;
        }
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            shed.increment();
            shed(context);
            return;
        }
        context.put(ARRIVED, System.nanoTime());
        context.addEndHandler(done -> inFlight.decrementAndGet());
        context.next();
    }

    /**
     * The 503, on a connection the client can use again. A body still on its way is read and dropped first (not
     * parsed): closing the connection instead made every shed client open a new one, and at three times the load
     * the handshakes, not the answer, made a 503 take seconds to arrive. A large or unsized body is not worth
     * reading: that connection is closed.
     */
    private void shed(RoutingContext context) {
        io.vertx.core.http.HttpServerRequest request = context.request();
        HttpServerResponse response = context.response().setStatusCode(503)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(retryAfterSeconds()));
        if (request.isEnded()) {
            response.end(io.vertx.core.buffer.Buffer.buffer(body));
            return;
        }
        long declared = declaredLength(request);
        if (declared < 0 || declared > DRAIN_LIMIT) {
            response.putHeader("Connection", "close").end(io.vertx.core.buffer.Buffer.buffer(body));
            return;
        }
        request.handler(ignored -> {
        });
        request.exceptionHandler(ignored -> {
        });
        request.endHandler(ended -> response.end(io.vertx.core.buffer.Buffer.buffer(body)));
        request.resume();
    }

    /** Bodies up to this size are read and dropped to keep a shed client's connection; larger ones close it. */
    static final long DRAIN_LIMIT = 64 * 1024;

    private static long declaredLength(io.vertx.core.http.HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private boolean declaresTooMuch(RoutingContext context) {
        return declaredLength(context.request()) > maxBody; // a malformed length: the HTTP layer answers it itself
    }

    @ServerRequestFilter(priority = 1)
    public Response expireStale(RoutingContext context) {
        Long arrived = context == null ? null : context.get(ARRIVED);
        if (arrived == null || System.nanoTime() - arrived <= config.maxQueueWait().toNanos()) {
            return null;
        }
        expired.increment();
        return overloaded(context.normalizedPath());
    }

    /**
     * The one answer to overload, whichever layer notices it (this filter, or an exhausted connection pool in
     * {@link ProblemMappers}): 503 {@code overloaded} with the configured {@code Retry-After}.
     */
    Response overloaded(String instance) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds())
                .entity(Problem.of("overloaded", "Dịch vụ tạm thời quá tải", 503, OVERLOADED).withInstance(instance))
                .build();
    }

    private long retryAfterSeconds() {
        return Math.max(1, TimeUnit.MILLISECONDS.toSeconds(config.retryAfter().toMillis()));
    }

    private static byte[] json(Problem problem) {
        try {
            return EventJson.mapper().writeValueAsBytes(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a problem is plain data", e);
        }
    }
}
