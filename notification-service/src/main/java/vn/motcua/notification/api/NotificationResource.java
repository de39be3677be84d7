package vn.motcua.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.notification.domain.NotificationLogEntry;
import vn.motcua.notification.domain.NotificationLogQuery;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The delivery log: what was sent about a dossier, on which channel, to whom (masked), and the outcome. */
@Path("/api/notifications")
public class NotificationResource {
    static final int MAX_SIZE = 500;

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

    public record ItemPage(List<Item> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({"admin", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Nhật ký thông báo của một hồ sơ (hoặc tất cả), có phân trang")
    public ItemPage list(@QueryParam("dossier") String dossier,
                         @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("50") int size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new Problem.FieldError("page", "phải từ 0 trở lên"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "phải từ 1 đến " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String code = dossier == null || dossier.isBlank() ? null : dossier.strip();
        NotificationLogQuery.Page result = query.page(code, page, size);
        return new ItemPage(result.items().stream().map(Item::of).toList(), page, size, result.total());
    }
}
