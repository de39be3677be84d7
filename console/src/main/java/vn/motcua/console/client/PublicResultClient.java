package vn.motcua.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * result-service's public status API: the citizens' page calls it with no token, as a citizen would, naming the
 * citizen's address in {@code X-Forwarded-For} so that result counts misses per citizen, not per console (result
 * believes the header only from the peers it is configured to trust: motcua.result.lookup.trusted-proxies).
 */
@RegisterRestClient(configKey = "result")
@RegisterProvider(ServiceErrors.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PublicResultClient {

    record Step(OffsetDateTime at, String status, String agency, String note) {
    }

    record Status(String code, String status, int nationalStatusCode, String state, String procedureName,
                  OffsetDateTime appointmentAt, String currentAgency, String currentAgencyName, boolean paused,
                  Boolean onTime, List<Step> timeline) {
    }

    record Rating(Boolean onTime, Integer contactCount, Integer agenciesContacted, String staffAttitude,
                  String openness, String overall, String comment) {
    }

    @GET
    @Path("/api/public/dossiers/{code}")
    Status status(@PathParam("code") String code, @QueryParam("pin") String pin,
                  @HeaderParam("X-Forwarded-For") String citizen);

    @POST
    @Path("/api/public/dossiers/{code}/rating")
    void rate(@PathParam("code") String code, @QueryParam("pin") String pin, @HeaderParam("X-Forwarded-For") String citizen,
              Rating rating);
}
