package vn.motcua.notification.api;

import jakarta.transaction.Transactional;
import vn.motcua.platform.audit.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.notification.domain.Audience;
import vn.motcua.notification.domain.Rules;
import vn.motcua.notification.domain.Templates;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.DossierEvent;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.notification.NotificationEvent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Who is told what (notification_rule), editable by an admin; applies to events consumed from then on. */
@Path("/api/notification-rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RuleResource {
    private final Rules rules;
    private final Templates templates;
    private final SecurityIdentity identity;

    public RuleResource(Rules rules, Templates templates, SecurityIdentity identity) {
        this.rules = rules;
        this.templates = templates;
        this.identity = identity;
    }

    public record RuleBody(String eventType, String audience, String channel, String template, Boolean active) {
    }

    @GET
    @Operation(summary = "Danh sách quy tắc thông báo")
    public List<Rules.Rule> list() {
        return rules.all();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Thêm quy tắc: loại sự kiện → đối tượng → kênh → mẫu")
    @Audited("rule.create")
    @Transactional
    public Response create(RuleBody body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "Thiếu nội dung quy tắc.");
        }
        if (body.eventType() == null || !(Rules.ANY_EVENT.equals(body.eventType()) || isDossierEvent(body.eventType()))) {
            errors.add(new Problem.FieldError("eventType", "Loại sự kiện hồ sơ không tồn tại (hoặc dùng \"*\")."));
        }
        Audience audience = parse(Audience.class, body.audience(), "audience", errors);
        NotificationChannel channel = parse(NotificationChannel.class, body.channel(), "channel", errors);
        if (audience != null && channel != null) {
            checkPair(audience, channel, body.template(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Rules.Rule rule = new Rules.Rule(UUID.randomUUID(), body.eventType(), audience, channel, body.template(),
                body.active() == null || body.active(), OffsetDateTime.now(), identity.getPrincipal().getName());
        if (!rules.create(rule)) {
            throw ProblemException.conflict("rule-exists", "Đã có quy tắc cho loại sự kiện, đối tượng và kênh này.");
        }
        return Response.status(201).entity(rules.find(rule.id()).orElseThrow()).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Đổi mẫu hoặc bật/tắt một quy tắc")
    @Audited("rule.update")
    @Transactional
    public Rules.Rule change(@PathParam("id") String id, RuleBody body) {
        UUID key = NotificationResource.uuid(id);
        Rules.Rule rule = rules.find(key).orElseThrow(() -> ProblemException.notFound("Không có quy tắc " + id + "."));
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "Thiếu nội dung quy tắc.");
        }
        String template = body.template() != null ? body.template() : rule.template();
        List<Problem.FieldError> errors = new ArrayList<>();
        checkPair(rule.audience(), rule.channel(), template, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        rules.change(key, template, body.active() == null ? rule.active() : body.active(), identity.getPrincipal().getName());
        return rules.find(key).orElseThrow();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Xoá một quy tắc")
    @Audited("rule.delete")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        if (!rules.delete(NotificationResource.uuid(id))) {
            throw ProblemException.notFound("Không có quy tắc " + id + ".");
        }
        return Response.noContent().build();
    }

    private void checkPair(Audience audience, NotificationChannel channel, String template, List<Problem.FieldError> errors) {
        if ((audience == Audience.SUBSCRIBERS) != (channel == NotificationChannel.WEBHOOK)) {
            errors.add(new Problem.FieldError("channel", "Webhook chỉ dành cho đối tượng SUBSCRIBERS, và ngược lại."));
        } else if (!templates.exists(template, channel)) {
            errors.add(new Problem.FieldError("template", channel == NotificationChannel.WEBHOOK
                    ? "Webhook không dùng mẫu." : "Không có mẫu " + template + " cho kênh " + channel + "."));
        }
    }

    private static boolean isDossierEvent(String type) {
        return EventTypes.byType(type).map(t -> DossierEvent.class.isAssignableFrom(t.payloadClass())
                && !NotificationEvent.class.isAssignableFrom(t.payloadClass())).orElse(false);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<Problem.FieldError> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "Một trong " + Arrays.toString(type.getEnumConstants()) + "."));
            return null;
        }
    }
}
