package vn.motcua.console.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
public interface IntakeClient extends AuditApi {

    record Document(String name, String form, Integer copies, Boolean mandatory) {
    }

    record Step(String agency, String agencyName, Integer workingDays) {
    }

    record Procedure(String code, String name, Integer statutoryWorkingDays, List<Step> steps, List<Document> documents,
                     String field, String competentAgency, Integer version, LocalDate effectiveFrom, LocalDate effectiveTo,
                     String onlineLevel) {
    }

    record ProcedureHistory(String code, Procedure current, List<Version> versions) {
    }

    /** A statutory time or a step's share: {@code unit} WORKING_DAYS, WORKING_HOURS or CALENDAR_DAYS. */
    record Time(Integer value, String unit) {
    }

    /** {@code flow}: how the agency works the step inside itself; the console carries it over unchanged. */
    record PlanStep(String stepId, String agencyCode, String agencyName, String name, Time share, JsonNode flow) {
    }

    /** {@code kind}: SINGLE (one step) or PARALLEL (steps side by side). */
    record Stage(String kind, List<PlanStep> steps) {
    }

    record Plan(String leadAgencyCode, List<Stage> stages) {
    }

    record Fee(String name, Long amountVnd, String note) {
    }

    /**
     * A procedure version as the administration takes and shows it: a new procedure sends {@code code}, a new version
     * {@code basedOnVersion} (the version edited); {@code version}, {@code effectiveTo} and the publication are the
     * service's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Version(String code, Integer version, Integer basedOnVersion, LocalDate effectiveFrom, LocalDate effectiveTo,
                   String name, String field, String competentAgency, Time statutoryTime, Plan plan,
                   List<Document> documents, List<Fee> fees, String onlineLevel, String resultForm, String legalBasis,
                   Boolean suspensionAllowed, Boolean extensionAllowed, String supplementLapse, String sameDayCutoff,
                   OffsetDateTime publishedAt, String publishedBy) {
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

    /** An agency or a one-stop unit; {@code level} MINISTRY, PROVINCE or COMMUNE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Office(String code, String name, String level, String parentCode, String address, String email, String phone,
                  Boolean active) {
    }

    record Span(String opens, String closes) {
    }

    /** {@code day}: MONDAY … SUNDAY. */
    record Day(String day, List<Span> sessions) {
    }

    /** A unit's reception hours as set: the open weekdays and the cut-off ("HH:mm", null for the deployment's). */
    record Hours(List<Day> days, String cutoff) {
    }

    /** A unit's hours as intake shows them; {@code own} false while it keeps the deployment's. */
    record HoursView(String unit, List<Day> days, String cutoff, String effectiveCutoff, boolean own, String description) {
    }

    record Source(String title, String reference, String url) {
    }

    /** A year's official table of holidays, days off and make-up working days, complete. */
    record YearTable(List<Source> sources, List<CalendarEntry> entries) {
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

    @POST
    @Path("/api/procedures")
    Version createProcedure(Version procedure);

    @POST
    @Path("/api/procedures/{code}/versions")
    Version addVersion(@PathParam("code") String code, Version version);

    /** A commune (5 digits) whose dossiers of the procedure another agency than the competent one processes. */
    record Area(String procedureCode, String commune, String agency, String agencyName, OffsetDateTime updatedAt,
                String updatedBy) {
    }

    record AreaAgency(String agency) {
    }

    /** The procedure stops applying from {@code effectiveTo}; {@code basedOnVersion}: the version the page showed. */
    record Retirement(LocalDate effectiveTo, Integer basedOnVersion) {
    }

    @GET
    @Path("/api/procedures/{code}/areas")
    ListPage<Area> areas(@PathParam("code") String code, @QueryParam("size") int size);

    @PUT
    @Path("/api/procedures/{code}/areas/{commune}")
    Area setArea(@PathParam("code") String code, @PathParam("commune") String commune, AreaAgency agency);

    @POST
    @Path("/api/procedures/{code}/retire")
    Version retire(@PathParam("code") String code, Retirement retirement);

    @GET
    @Path("/api/agencies/{code}")
    Office agency(@PathParam("code") String code);

    @POST
    @Path("/api/agencies")
    Office createAgency(Office agency);

    @PUT
    @Path("/api/agencies/{code}")
    Office putAgency(@PathParam("code") String code, Office agency);

    @GET
    @Path("/api/units/{code}")
    Office unit(@PathParam("code") String code);

    @POST
    @Path("/api/units")
    Office createUnit(Office unit);

    @PUT
    @Path("/api/units/{code}")
    Office putUnit(@PathParam("code") String code, Office unit);

    @GET
    @Path("/api/units/{code}/office-hours")
    HoursView officeHours(@PathParam("code") String code);

    @PUT
    @Path("/api/units/{code}/office-hours")
    HoursView setOfficeHours(@PathParam("code") String code, Hours hours);

    /** Replaces a year's official table for every service. */
    @PUT
    @Path("/api/calendar/years/{year}")
    List<CalendarEntry> replaceYear(@PathParam("year") int year, YearTable table);
}
