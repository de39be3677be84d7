package vn.motcua.notification.api;

import vn.motcua.platform.audit.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.notification.domain.Deliveries;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The delivery log: what was sent about a dossier, on which channel, to whom (masked), the outcome and attempts. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final Deliveries deliveries;
    private final SecurityIdentity identity;

    public NotificationResource(Deliveries deliveries, SecurityIdentity identity) {
        this.deliveries = deliveries;
        this.identity = identity;
    }

    /**
     * @param outcome PENDING (waiting for its first or next attempt), DELIVERED, DEAD_LETTERED, or SKIPPED (a rule
     *                found no address, or the channel is off)
     */
    public record Item(UUID id, String dossierCode, UUID eventId, String eventType, String audience, String channel,
                       String recipient, String outcome, int attempts, int resends, String lastError,
                       OffsetDateTime nextAttemptAt, OffsetDateTime at, OffsetDateTime deliveredAt) {
        static Item of(Deliveries.Entry e) {
            return new Item(e.id(), e.dossierCode(), e.eventId(), e.eventType(), e.audience(), e.channel(), e.recipient(),
                    e.outcome(), e.attempts(), e.resends(), e.lastError(), vn(e.nextAttemptAt()), vn(e.createdAt()),
                    vn(e.deliveredAt()));
        }
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Nhật ký gửi thông báo của một hồ sơ (hoặc tất cả), có phân trang")
    public Page<Item> list(@QueryParam("dossier") String dossier,
                           @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.Request.of(page, size);
        String code = dossier == null || dossier.isBlank() ? null : dossier.strip();
        Deliveries.Page result = deliveries.page(code, paging.page(), paging.size());
        return new Page<>(result.items().stream().map(Item::of).toList(), paging.page(), paging.size(), result.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "supervisor"})
    @Operation(summary = "Một lần gửi thông báo")
    public Item get(@PathParam("id") String id) {
        Deliveries.Entry entry = deliveries.find(uuid(id));
        if (entry == null) {
            throw ProblemException.notFound("Không có thông báo " + id + ".");
        }
        return Item.of(entry);
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed("admin")
    @Operation(summary = "Gửi lại một thông báo đã hết số lần thử (dead-letter)")
    @Audited("notification.resend")
    public Item resend(@PathParam("id") String id) {
        UUID key = uuid(id);
        switch (deliveries.resend(key, identity.getPrincipal().getName())) {
            case NOT_FOUND -> throw ProblemException.notFound("Không có thông báo " + id + ".");
            case NOT_DEAD_LETTERED -> throw ProblemException.conflict("not-dead-lettered",
                    "Chỉ gửi lại được thông báo đã hết số lần thử (DEAD_LETTERED).");
            case RESENT -> {
            }
        }
        return Item.of(deliveries.find(key));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Không có mục " + id + ".");
        }
    }

    private static OffsetDateTime vn(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
