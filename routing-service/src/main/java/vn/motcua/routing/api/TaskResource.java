package vn.motcua.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.platform.api.Page;
import vn.motcua.routing.domain.Caller;
import vn.motcua.routing.domain.ClockActions;
import vn.motcua.routing.domain.DossierQueries;
import vn.motcua.routing.domain.FinancialObligation;
import vn.motcua.routing.domain.RoutedDossier;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.domain.AgencyTask;
import vn.motcua.routing.domain.AgencyWork;
import vn.motcua.routing.domain.TaskActions;
import vn.motcua.routing.domain.TaskQueries;
import vn.motcua.routing.domain.TaskStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The agency inbox and the actions on its tasks. Another agency's task answers 404, as if absent. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private final TaskQueries queries;
    private final TaskActions actions;
    private final ClockActions clock;
    private final DossierQueries dossiers;
    private final Callers callers;
    private final AgencyWork work;

    public TaskResource(TaskQueries queries, TaskActions actions, ClockActions clock, DossierQueries dossiers,
                        Callers callers, AgencyWork work) {
        this.work = work;
        this.queries = queries;
        this.actions = actions;
        this.clock = clock;
        this.dossiers = dossiers;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.AGENCY_LEAD, Callers.SUPERVISOR})
    @Operation(summary = "The caller's agency inbox (all agencies for supervisors), in due order")
    public TaskPage list(@QueryParam("status") String status, @QueryParam("dossier") String dossier,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Page.Request paging = Page.Request.of(page, size, errors);
        TaskStatus statusFilter = statusParam(status, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        TaskQueries.Found found = queries.inbox(callers.current(), statusFilter,
                dossier == null || dossier.isBlank() ? null : dossier.trim(), paging.page(), paging.size());
        return new TaskPage(found.items().stream().map(TaskView::summary).toList(), paging.page(), paging.size(),
                found.total(), found.dueSoon(), found.overdue(), found.capped());
    }

    @GET
    @Path("/workload")
    @RolesAllowed(Callers.AGENCY_LEAD)
    @Operation(summary = "The head: open tasks of the agency per officer who holds them, and how many nobody holds")
    public WorkloadView workload() {
        AgencyWork.Workload found = work.workload(callers.officer());
        return new WorkloadView(found.officers(), 0, found.officers().size(), found.officers().size(),
                found.unassigned());
    }

    /** The list envelope of officers' loads, plus the open tasks nobody holds yet. */
    public record WorkloadView(List<AgencyWork.Load> items, int page, int size, long total, long unassigned) {
    }

    @POST
    @Path("/bulk-reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY_LEAD, Callers.AGENCY_OFFICER})
    @Operation(summary = "The head (or an ASSIGN delegate): every open task an absent officer holds goes to another")
    public AgencyWork.Reassigned bulkReassign(@Valid @NotNull AgencyWorkRequests.BulkReassign request) {
        return work.reassignAll(callers.officer(), request.from().strip(), request.to().strip());
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY_LEAD, Callers.AGENCY_OFFICER})
    @Operation(summary = "The head (or an ASSIGN delegate) gives the task to an officer, who then holds it")
    public TaskView assign(@PathParam("id") String id, @Valid @NotNull AgencyWorkRequests.Assign request) {
        return TaskView.detail(work.assign(taskId(id), callers.officer(), request.officer().strip()));
    }

    @POST
    @Path("/{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.AGENCY_LEAD})
    @Operation(summary = "Draft the result of a draft-review-sign step and send it for review (TaskDrafted)")
    public TaskView draft(@PathParam("id") String id, @Valid @NotNull AgencyWorkRequests.Draft request) {
        return TaskView.detail(work.draft(taskId(id), callers.officer(), request.outcome(), blankToNull(request.note())));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.AGENCY_LEAD})
    @Operation(summary = "Review a draft: PASS it on for signature or SEND_BACK with a reason (TaskReviewed)")
    public TaskView review(@PathParam("id") String id, @Valid @NotNull AgencyWorkRequests.Review request) {
        return TaskView.detail(work.review(taskId(id), callers.officer(),
                request.decision() == AgencyWorkRequests.Decision.PASS, blankToNull(request.reason())));
    }

    @POST
    @Path("/{id}/sign")
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.AGENCY_LEAD})
    @Operation(summary = "The head (or a SIGN delegate, KT.) signs the reviewed draft: document number, step completed")
    public TaskView sign(@PathParam("id") String id) {
        return TaskView.detail(work.sign(taskId(id), callers.officer()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.AGENCY_LEAD, Callers.SUPERVISOR})
    public TaskView get(@PathParam("id") String id) {
        return TaskView.detail(queries.visible(taskId(id), callers.current()));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Take an assigned task of the caller's agency; 409 if someone else holds it")
    public TaskView claim(@PathParam("id") String id) {
        return TaskView.detail(actions.claim(taskId(id), callers.officer()));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Decide a task (claiming it if unclaimed); the last task of a stage hands the dossier on")
    public TaskView complete(@PathParam("id") String id, @Valid @NotNull CompleteRequest request) {
        AgencyTask task = actions.complete(taskId(id), callers.officer(), request.outcome(), request.note());
        return TaskView.detail(task);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Send the dossier back to the previous step with a reason (TaskReturned)")
    public TaskView returnToPrevious(@PathParam("id") String id, @Valid @NotNull ActionRequests.Return request) {
        return TaskView.detail(actions.returnToPrevious(taskId(id), callers.officer(), blankToNull(request.toStepId()),
                request.reason().strip()));
    }

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Move a misrouted step to the competent agency; answers the new agency's task")
    public TaskView transfer(@PathParam("id") String id, @Valid @NotNull ActionRequests.Transfer request) {
        return TaskView.detail(actions.transfer(taskId(id), callers.officer(), request.toAgency().strip(),
                blankToNull(request.toAgencyName()), request.reason().strip()));
    }

    @POST
    @Path("/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.SUPERVISOR)
    @Operation(summary = "Supervisors: give an open task to another agency and/or officer")
    public TaskView reassign(@PathParam("id") String id, @Valid @NotNull ActionRequests.Reassign request) {
        return TaskView.detail(actions.reassign(taskId(id), callers.current(), blankToNull(request.agency()),
                blankToNull(request.agencyName()), blankToNull(request.officer()), blankToNull(request.reason())));
    }

    @POST
    @Path("/{id}/supplement-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Ask the applicant for a supplement: the clock pauses (DossierPaused SUPPLEMENT_REQUESTED)")
    public DossierView requestSupplement(@PathParam("id") String id, @Valid @NotNull ActionRequests.Supplement request) {
        Caller caller = callers.officer();
        RoutedDossier dossier = clock.requestSupplement(taskId(id), caller,
                request.items().stream().map(ActionRequests.Item::toEvent).toList(), blankToNull(request.note()),
                request.supplyBy());
        return DossierView.of(dossiers.visible(dossier.code, caller));
    }

    @POST
    @Path("/{id}/financial-obligation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Record a fee or tax to pay: the clock pauses until the payment is recorded (status 6)")
    public DossierView requestObligation(@PathParam("id") String id, @Valid @NotNull ActionRequests.Obligation request) {
        Caller caller = callers.officer();
        FinancialObligation obligation = clock.requestObligation(taskId(id), caller, request.amountVnd(),
                request.description().strip(), request.payBy());
        return DossierView.of(dossiers.visible(obligation.dossierCode, caller));
    }

    @POST
    @Path("/{id}/financial-obligation/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Record the payment of the open obligation: the clock runs again (DossierResumed)")
    public DossierView recordPayment(@PathParam("id") String id, @Valid ActionRequests.Payment request) {
        Caller caller = callers.officer();
        FinancialObligation obligation = clock.recordPayment(taskId(id), caller,
                request == null ? null : blankToNull(request.paymentReference()));
        return DossierView.of(dossiers.visible(obligation.dossierCode, caller));
    }

    @POST
    @Path("/{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Callers.AGENCY_OFFICER)
    @Operation(summary = "Stop processing for good with the notice's reason (status 8, DossierProcessingStopped)")
    public DossierView stop(@PathParam("id") String id, @Valid @NotNull ActionRequests.Stop request) {
        Caller caller = callers.officer();
        RoutedDossier dossier = clock.stop(taskId(id), caller, request.reason().strip(),
                blankToNull(request.documentNumber()), blankToNull(request.legalBasis()));
        return DossierView.of(dossiers.visible(dossier.code, caller));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID taskId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Không có nhiệm vụ " + id + ".");
        }
    }

    private static TaskStatus statusParam(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("status", "phải là một trong ASSIGNED, CLAIMED, COMPLETED, RETURNED, TRANSFERRED, CANCELLED"));
            return null;
        }
    }
}
