package vn.motcua.notification.domain;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.shared.events.NotificationChannel;

import java.util.Map;

/**
 * The Vietnamese message templates (Qute, {@code templates/notifications/{name}/}): {@code email-subject},
 * {@code email-body} and {@code sms} per event. A rule names the template; the channel picks the files.
 */
@ApplicationScoped
public class Templates {
    private static final String ROOT = "notifications/";

    private final Engine engine;

    public Templates(Engine engine) {
        this.engine = engine;
    }

    public record Message(String subject, String body) {
    }

    /** Whether {@code name} has the files {@code channel} needs (webhooks need none). */
    public boolean exists(String name, NotificationChannel channel) {
        if (channel == NotificationChannel.WEBHOOK) {
            return name == null;
        }
        if (name == null || !name.matches("[a-z0-9-]{1,100}")) {
            return false;
        }
        return switch (channel) {
            case EMAIL -> template(name, "email-subject") != null && template(name, "email-body") != null;
            case SMS -> template(name, "sms") != null;
            case WEBHOOK -> false;
        };
    }

    public Message render(String name, NotificationChannel channel, Map<String, Object> facts) {
        return switch (channel) {
            case EMAIL -> new Message(render(name, "email-subject", facts).strip(), render(name, "email-body", facts));
            case SMS -> new Message(null, render(name, "sms", facts).strip());
            case WEBHOOK -> throw new IllegalArgumentException("webhooks carry the event, not a template");
        };
    }

    private String render(String name, String part, Map<String, Object> facts) {
        Template template = template(name, part);
        if (template == null) {
            throw new IllegalStateException("no template " + ROOT + name + "/" + part);
        }
        TemplateInstance instance = template.instance();
        facts.forEach(instance::data);
        return instance.render();
    }

    private Template template(String name, String part) {
        return engine.getTemplate(ROOT + name + "/" + part);
    }
}
