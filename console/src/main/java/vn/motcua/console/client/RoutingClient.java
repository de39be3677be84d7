package vn.motcua.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** routing-service (8082), called with the officer's token: routing decides what the officer may see. */
@RegisterRestClient(configKey = "routing")
@RegisterProvider(ServiceErrors.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RoutingClient extends AuditApi {

    record Task(String id, String dossierCode, String agency, String status, OffsetDateTime dueAt, String claimedBy,
                String stepId, String agencyName, OffsetDateTime assignedAt, OffsetDateTime claimedAt,
                String completedBy, OffsetDateTime completedAt, String outcome, String note, String assignedTo,
                String phase, Work work) {
    }

    /** A draft-review-sign step's work inside the agency: the draft, the review, the signature and the number. */
    record Work(String assignedBy, String draftOutcome, String draftNote, String draftedBy, String reviewedBy,
                String sentBackReason, String signedBy, String signature, String signedFor, String documentNumber,
                LocalDate documentDate) {
    }

    /** One officer's open tasks, of them overdue, waiting for review and for signature (issue 24). */
    record Load(String officer, long open, long overdue, long inReview, long awaitingSignature) {
    }

    /** The head's view of the agency: loads per officer, and the open tasks nobody holds yet. */
    record Workload(List<Load> items, long unassigned) {
    }

    record Assign(String officer) {
    }

    record BulkReassign(String from, String to) {
    }

    record Reassigned(String from, String to, List<String> taskIds) {
    }

    record Draft(String outcome, String note) {
    }

    /** {@code decision}: PASS (on to the signature) or SEND_BACK (with the reason). */
    record Review(String decision, String reason) {
    }

    /** {@code scope}: SIGN or ASSIGN; {@code signAs}: KT, TL or TUQ for signing. */
    record Grant(String delegate, LocalDate from, LocalDate to, String scope, String reason, String signAs) {
    }

    record Delegation(String id, String agency, String delegator, String delegate, String scope, LocalDate from,
                      LocalDate to, String reason, OffsetDateTime grantedAt, OffsetDateTime revokedAt,
                      String revokedBy, boolean active, String signAs) {
    }

    record Decision(String outcome, String note) {
    }

    record Item(String name, String form, Integer copies, String note) {
    }

    record Supplement(List<Item> items, String note) {
    }

    record Obligation(Long amountVnd, String description, LocalDate payBy) {
    }

    record Stop(String reason) {
    }

    record Transfer(String toAgency, String toAgencyName, String reason) {
    }

    record Extension(OffsetDateTime newDueAt, String reason, String apologyRef, String signedBy, String signerTitle) {
    }

    record ClockDossier(String code, String procedureCode, String status, int nationalStatusCode,
                        OffsetDateTime receivedAt, OffsetDateTime statutoryDueAt, OffsetDateTime dueAt,
                        OffsetDateTime pausedAt) {
    }

    @GET
    @Path("/api/tasks")
    ListPage<Task> tasks(@QueryParam("status") String status, @QueryParam("dossier") String dossier,
                         @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/tasks/{id}")
    Task task(@PathParam("id") String id);

    @POST
    @Path("/api/tasks/{id}/claim")
    Task claim(@PathParam("id") String id);

    @POST
    @Path("/api/tasks/{id}/complete")
    Task complete(@PathParam("id") String id, Decision decision);

    @POST
    @Path("/api/tasks/{id}/supplement-request")
    void requestSupplement(@PathParam("id") String id, Supplement supplement);

    @POST
    @Path("/api/tasks/{id}/financial-obligation")
    void requestObligation(@PathParam("id") String id, Obligation obligation);

    @POST
    @Path("/api/tasks/{id}/stop")
    void stop(@PathParam("id") String id, Stop stop);

    @POST
    @Path("/api/tasks/{id}/transfer")
    Task transfer(@PathParam("id") String id, Transfer transfer);

    @GET
    @Path("/api/tasks/workload")
    Workload workload();

    @POST
    @Path("/api/tasks/{id}/assign")
    Task assign(@PathParam("id") String id, Assign assign);

    @POST
    @Path("/api/tasks/bulk-reassign")
    Reassigned bulkReassign(BulkReassign reassign);

    @POST
    @Path("/api/tasks/{id}/draft")
    Task draft(@PathParam("id") String id, Draft draft);

    @POST
    @Path("/api/tasks/{id}/review")
    Task review(@PathParam("id") String id, Review review);

    @POST
    @Path("/api/tasks/{id}/sign")
    Task sign(@PathParam("id") String id);

    @GET
    @Path("/api/delegations")
    ListPage<Delegation> delegations(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/api/delegations")
    Delegation grant(Grant grant);

    @DELETE
    @Path("/api/delegations/{id}")
    Delegation revoke(@PathParam("id") String id);

    @GET
    @Path("/api/dossiers/{code}")
    ClockDossier dossier(@PathParam("code") String code);

    @POST
    @Path("/api/dossiers/{code}/extension")
    void extend(@PathParam("code") String code, Extension extension);

    /** Form 04 ({@code apology}), Form 05 ({@code stop-notice}), Form 06 ({@code control-sheet}) as PDF. */
    @GET
    @Path("/api/dossiers/{code}/{form}")
    @Produces("application/pdf")
    byte[] form(@PathParam("code") String code, @PathParam("form") String form);
}
