package vn.motcua.result.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.result.domain.DossierStatus;
import vn.motcua.result.domain.PublicStatusLookup;
import vn.motcua.result.domain.TimelineEntry;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The status lookup in the shape of an Open311 GeoReport v2 service request, for integrators that already
 * speak it: {@code status} is {@code open} or {@code closed} (refused, withdrawn, stopped or result returned),
 * {@code expected_datetime} the current appointment. Same code + PIN rules and miss limit as the lookup.
 */
@Path("/api/public/open311/requests")
@PermitAll
public class Open311Resource {
    private final PublicStatusLookup lookup;
    private final ClientAddress clients;

    public Open311Resource(PublicStatusLookup lookup, ClientAddress clients) {
        this.lookup = lookup;
        this.clients = clients;
    }

    public record ServiceRequest(@JsonProperty("service_request_id") String serviceRequestId,
                                 String status,
                                 @JsonProperty("status_notes") String statusNotes,
                                 @JsonProperty("service_name") String serviceName,
                                 @JsonProperty("service_code") String serviceCode,
                                 @JsonProperty("agency_responsible") String agencyResponsible,
                                 @JsonProperty("requested_datetime") OffsetDateTime requestedDatetime,
                                 @JsonProperty("updated_datetime") OffsetDateTime updatedDatetime,
                                 @JsonProperty("expected_datetime") OffsetDateTime expectedDatetime) {
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tình trạng hồ sơ theo dạng Open311 GeoReport v2 (mã hồ sơ và mã tra cứu)")
    public Response request(@PathParam("code") String code, @QueryParam("pin") String pin,
                            @Context HttpServerRequest request) {
        String client = clients.of(request);
        PublicStatusLookup.Found found = lookup.lookup(code, pin, client);
        DossierStatus row = found.status();
        List<TimelineEntry> timeline = found.timeline();
        String notes = timeline.isEmpty() ? row.status.citizenText() : timeline.get(timeline.size() - 1).note;
        ServiceRequest view = new ServiceRequest(row.code, row.status.isTerminal() ? "closed" : "open", notes,
                row.procedureName, row.procedureCode,
                row.currentAgencyName != null ? row.currentAgencyName : row.leadAgency,
                vietnam(row.receivedAt != null ? row.receivedAt : row.submittedAt), vietnam(row.lastEventTime),
                vietnam(row.appointmentAt));
        // Open311 answers a list, even for one request.
        return Response.ok(List.of(view)).header("Cache-Control", "no-store").build();
    }

    private static OffsetDateTime vietnam(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
