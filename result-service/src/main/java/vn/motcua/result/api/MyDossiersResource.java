package vn.motcua.result.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.api.Page;
import vn.motcua.result.domain.CitizenDossiers;
import vn.motcua.result.domain.DossierStatus;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;

/** A logged-in citizen's own dossiers, linked by the keyed HMAC of the token's {@code citizen_id}. */
@Path("/api/public/my-dossiers")
@RolesAllowed("citizen")
@Produces(MediaType.APPLICATION_JSON)
public class MyDossiersResource {
    private final CitizenDossiers dossiers;
    private final Callers callers;

    public MyDossiersResource(CitizenDossiers dossiers, Callers callers) {
        this.dossiers = dossiers;
        this.callers = callers;
    }

    public record Item(String code, String status, int nationalStatusCode, String state, String procedureName,
                       OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                       String currentAgency, String currentAgencyName, boolean paused, Boolean onTime) {
        static Item of(DossierStatus row, OffsetDateTime now) {
            return new Item(row.code, row.status.nationalStatus().label(), row.nationalStatusCode, row.status.name(),
                    row.procedureName, vietnam(row.submittedAt), vietnam(row.receivedAt), vietnam(row.appointmentAt),
                    row.currentAgency, row.currentAgencyName, row.paused, row.onTime(now));
        }
    }

    @GET
    @Operation(summary = "Hồ sơ của tôi (công dân đã đăng nhập)")
    public Page<Item> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.Request.of(page, size);
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM);
        return dossiers.of(callers.citizenId(), paging).map(row -> Item.of(row, now));
    }

    private static OffsetDateTime vietnam(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
