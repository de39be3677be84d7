package vn.motcua.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.notification.domain.NotificationLogEntry;
import vn.motcua.notification.domain.NotificationLogQuery;
import vn.motcua.platform.api.Page;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The delivery log: what was sent about a dossier, on which channel, to whom (masked), and the outcome. */
@Path("/api/notifications")
public class NotificationResource {
    private final NotificationLogQuery query;

    public NotificationResource(NotificationLogQuery query) {
        this.query = query;
    }

    public record Item(UUID id, String dossierCode, String eventType, String channel, String recipient,
                       String outcome, OffsetDateTime at) {
        static Item of(NotificationLogEntry entry) {
            return new Item(entry.id, entry.dossierCode, entry.eventType, entry.channel, entry.recipient,
                    entry.outcome, entry.createdAt.withOffsetSameInstant(EventJson.VIETNAM));
        }
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Nhật ký thông báo của một hồ sơ (hoặc tất cả), có phân trang")
    public Page<Item> list(@QueryParam("dossier") String dossier,
                           @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.Request.of(page, size);
        String code = dossier == null || dossier.isBlank() ? null : dossier.strip();
        NotificationLogQuery.Page result = query.page(code, paging.page(), paging.size());
        return new Page<>(result.items().stream().map(Item::of).toList(), paging.page(), paging.size(), result.total());
    }
}
