package vn.motcua.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.OffsetDateTime;

/**
 * intake-service's public check of a receipt's signed token (issue 23, docs/AUDIT.md), called with no token, as a
 * citizen would: what the receipt in the citizen's hand certifies, or 400 when it was not issued as it stands.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(ServiceErrors.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PublicIntakeClient {

    record Certified(String code, String unit, OffsetDateTime receivedAt, OffsetDateTime appointmentAt, String keyId) {
    }

    @GET
    @Path("/api/public/receipts/verify")
    Certified verifyReceipt(@QueryParam("token") String token);
}
