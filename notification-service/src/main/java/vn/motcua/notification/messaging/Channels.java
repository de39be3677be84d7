package vn.motcua.notification.messaging;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.domain.Deliveries;
import vn.motcua.notification.domain.WebhookTargets;
import vn.motcua.platform.crypto.Hmacs;
import vn.motcua.shared.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The three ways out: e-mail over SMTP (Quarkus Mailer), SMS through a configurable HTTP gateway, and
 * signed webhooks. Each either returns (the channel accepted the message) or throws
 * {@link DeliveryException} with a reason fit for the log.
 */
@ApplicationScoped
public class Channels {
    /** Seconds since the epoch when the webhook was signed. */
    public static final String TIMESTAMP_HEADER = "X-Motcua-Timestamp";
    /** {@code sha256=<hex HMAC-SHA256 of timestamp + "." + body, keyed with the subscription's secret>}. */
    public static final String SIGNATURE_HEADER = "X-Motcua-Signature";
    public static final String EVENT_ID_HEADER = "X-Motcua-Event-Id";
    public static final String DELIVERY_ID_HEADER = "X-Motcua-Delivery-Id";

    private final Mailer mailer;
    private final NotificationConfig config;
    private final WebhookTargets targets;
    private final HttpClient http;

    public Channels(Mailer mailer, NotificationConfig config, WebhookTargets targets) {
        this.mailer = mailer;
        this.config = config;
        this.targets = targets;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static class DeliveryException extends Exception {
        public DeliveryException(String message) {
            super(message);
        }
    }

    public void send(Deliveries.Claimed delivery) throws DeliveryException {
        switch (delivery.channel()) {
            case EMAIL -> email(delivery);
            case SMS -> sms(delivery);
            case WEBHOOK -> webhook(delivery);
        }
    }

    private void email(Deliveries.Claimed delivery) throws DeliveryException {
        try {
            mailer.send(Mail.withText(delivery.address(), delivery.subject(), delivery.body()));
        } catch (RuntimeException e) {
            throw new DeliveryException("SMTP: " + rootMessage(e));
        }
    }

    private void sms(Deliveries.Claimed delivery) throws DeliveryException {
        String url = config.sms().url().orElseThrow(() -> new DeliveryException("Chưa cấu hình cổng SMS"));
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(Map.of("to", delivery.address(), "text", delivery.body(),
                    "reference", delivery.id().toString()));
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.sms().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        config.sms().token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        post("SMS gateway", request.build());
    }

    private void webhook(Deliveries.Claimed delivery) throws DeliveryException {
        // Checked again at each delivery: a name may resolve inward now although it did not at subscription.
        Optional<String> refusal = targets.refusal(delivery.address());
        if (refusal.isPresent()) {
            throw new DeliveryException("webhook target refused: " + refusal.get());
        }
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.address())).timeout(config.webhook().timeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, signature(delivery.secret(), timestamp, delivery.body()))
                .header(EVENT_ID_HEADER, delivery.eventId().toString())
                .header(DELIVERY_ID_HEADER, delivery.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        post("webhook", request);
    }

    /** The signature header's value: the recipe in the README, in code. */
    public static String signature(String secret, String timestamp, String body) {
        return "sha256=" + Hmacs.sha256Hex(secret, timestamp + "." + body);
    }

    private void post(String what, HttpRequest request) throws DeliveryException {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException(what + " answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryException(what + ": " + e.getClass().getSimpleName() + " " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(what + ": interrupted");
        } catch (IllegalArgumentException e) {
            throw new DeliveryException(what + ": bad address");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
