package vn.motcua.notification.api;

import jakarta.transaction.Transactional;
import vn.motcua.platform.audit.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.notification.domain.Rules;
import vn.motcua.notification.domain.Subscriptions;
import vn.motcua.notification.domain.WebhookTargets;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.DossierEvent;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Integrators' webhook subscriptions by event type; each delivery is signed with the subscription's secret. */
@Path("/api/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class SubscriptionResource {
    private final Subscriptions subscriptions;
    private final WebhookTargets targets;
    private final SecurityIdentity identity;

    public SubscriptionResource(Subscriptions subscriptions, WebhookTargets targets, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.identity = identity;
    }

    /** @param secret at least 16 characters; absent = one is generated and returned once */
    public record SubscriptionBody(String name, String url, String secret, List<String> eventTypes) {
    }

    /** The secret appears only in the answer to the creation. */
    public record View(UUID id, String name, String url, List<String> eventTypes, boolean active,
                       OffsetDateTime createdAt, String secret) {
        static View of(Subscriptions.Subscription s, boolean withSecret) {
            return new View(s.id(), s.name(), withoutUserInfo(s.url()), s.eventTypes(), s.active(),
                    s.createdAt().withOffsetSameInstant(EventJson.VIETNAM), withSecret ? s.secret() : null);
        }
    }

    /** A subscription stored before credentials were refused in URLs keeps them hidden. */
    public static String withoutUserInfo(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@", "$1");
    }

    @GET
    @Operation(summary = "Danh sách đăng ký webhook (không kèm khoá bí mật)")
    public List<View> list() {
        return subscriptions.all().stream().map(s -> View.of(s, false)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Đăng ký webhook theo loại sự kiện; trả về khoá bí mật để kiểm chữ ký (một lần)")
    @Audited("subscription.create")
    @Transactional
    public Response create(SubscriptionBody body) {
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "Thiếu nội dung đăng ký.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            errors.add(new Problem.FieldError("name", "Bắt buộc, tối đa 200 ký tự."));
        }
        if (body.url() == null || body.url().isBlank() || body.url().length() > 2000) {
            errors.add(new Problem.FieldError("url", "Phải là địa chỉ http(s) đầy đủ."));
        } else {
            targets.refusal(body.url()).ifPresent(why -> errors.add(new Problem.FieldError("url", why)));
        }
        if (body.secret() != null && (body.secret().length() < 16 || body.secret().length() > 200)) {
            errors.add(new Problem.FieldError("secret", "Từ 16 đến 200 ký tự."));
        }
        List<String> types = body.eventTypes() == null ? List.of() : body.eventTypes();
        if (types.isEmpty() || types.stream().anyMatch(t -> !(Rules.ANY_EVENT.equals(t) || EventTypes.byType(t)
                .map(e -> DossierEvent.class.isAssignableFrom(e.payloadClass())).orElse(false)))) {
            errors.add(new Problem.FieldError("eventTypes", "Danh sách loại sự kiện hồ sơ (hoặc \"*\"), không rỗng."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String secret = body.secret() != null ? body.secret() : Subscriptions.newSecret();
        Subscriptions.Subscription created = subscriptions.create(body.name().strip(), body.url().strip(), secret,
                types.stream().distinct().toList(), identity.getPrincipal().getName());
        return Response.status(201).entity(View.of(created, true)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Huỷ một đăng ký webhook")
    @Audited("subscription.delete")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.deactivate(NotificationResource.uuid(id))) {
            throw ProblemException.notFound("Không có đăng ký " + id + ".");
        }
        return Response.noContent().build();
    }
}
