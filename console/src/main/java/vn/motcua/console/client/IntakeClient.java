package vn.motcua.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** intake-service (8081), called with the officer's token. */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(ServiceErrors.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IntakeClient {

    record Document(String name, String form, Integer copies, Boolean mandatory) {
    }

    record Step(String agency, String agencyName, Integer workingDays) {
    }

    record Procedure(String code, String name, Integer statutoryWorkingDays, List<Step> steps, List<Document> documents,
                     String field, String competentAgency, Integer version, LocalDate effectiveFrom, LocalDate effectiveTo,
                     String onlineLevel) {
    }

    record ProcedureHistory(String code, Procedure current, List<Procedure> versions) {
    }

    record Applicant(String fullName, String idNumber, String phone, String email, String address) {
    }

    /** {@code returnChannel}: COUNTER or POST (then {@code returnAddress}, else the applicant's address). */
    record Reception(String procedureCode, String channel, Applicant applicant, List<Document> documents,
                     String returnChannel, String returnAddress, Integer sets) {
    }

    record Receipt(String code, String status, OffsetDateTime receivedAt, OffsetDateTime appointmentAt, String lookupPin) {
    }

    record DossierRow(String code, String procedureCode, String procedureName, String channel, String unitCode,
                      String status, int nationalStatusCode, String applicantName, OffsetDateTime registeredAt,
                      OffsetDateTime receivedAt, OffsetDateTime appointmentAt) {
    }

    record Change(OffsetDateTime at, String actor, String action, String fromStatus, String toStatus,
                  List<String> reasons, String note) {
    }

    record Dossier(String code, String procedureCode, String procedureName, String channel, String unitCode, String status,
                   int nationalStatusCode, String statusText, Applicant applicant, List<Document> documents,
                   String receivedBy, OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                   List<Change> history, String returnChannel, String returnAddress) {
    }

    record SupplementItem(String name, String form, Integer copies, String note) {
    }

    record SupplementRequest(String reason, List<SupplementItem> items, LocalDate supplyBy) {
    }

    record Refusal(List<String> reasons) {
    }

    record Office(String code, String name, String level, String parentCode, String address, Boolean active) {
    }

    record CalendarEntry(LocalDate date, String name, String kind) {
    }

    @GET
    @Path("/api/procedures")
    ListPage<Procedure> procedures(@QueryParam("q") String q, @QueryParam("size") int size);

    @GET
    @Path("/api/procedures/{code}")
    ProcedureHistory procedure(@PathParam("code") String code);

    @POST
    @Path("/api/dossiers")
    Receipt receive(@HeaderParam("Idempotency-Key") String idempotencyKey, Reception reception);

    @GET
    @Path("/api/dossiers")
    ListPage<DossierRow> dossiers(@QueryParam("status") String status, @QueryParam("channel") String channel,
                                  @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                  @QueryParam("page") int page, @QueryParam("size") int size);

    /** The officer's dossiers whose code, applicant name, identity number or phone contain every word of {@code q}. */
    @GET
    @Path("/api/dossiers")
    ListPage<DossierRow> search(@QueryParam("q") String q, @QueryParam("status") String status,
                                @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/dossiers/{code}")
    Dossier dossier(@PathParam("code") String code);

    @GET
    @Path("/api/dossiers/{code}/{form}")
    @Produces("application/pdf")
    byte[] form(@PathParam("code") String code, @PathParam("form") String form);

    /** Form 01, with the PIN printed when it is given (the one shown at reception). */
    @GET
    @Path("/api/dossiers/{code}/receipt")
    @Produces("application/pdf")
    byte[] receipt(@PathParam("code") String code, @QueryParam("pin") String pin);

    @POST
    @Path("/api/dossiers/{code}/accept")
    Receipt accept(@PathParam("code") String code);

    @POST
    @Path("/api/dossiers/{code}/supplement-request")
    void requestSupplement(@PathParam("code") String code, SupplementRequest request);

    @POST
    @Path("/api/dossiers/{code}/refuse")
    void refuse(@PathParam("code") String code, Refusal refusal);

    @GET
    @Path("/api/agencies")
    ListPage<Office> agencies(@QueryParam("size") int size);

    @GET
    @Path("/api/units")
    ListPage<Office> units(@QueryParam("size") int size);

    @GET
    @Path("/api/calendar/holidays")
    List<CalendarEntry> holidays(@QueryParam("year") int year);
}
