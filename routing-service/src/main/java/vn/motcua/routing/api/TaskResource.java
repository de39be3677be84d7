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
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.domain.AgencyTask;
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
    private final Callers callers;

    public TaskResource(TaskQueries queries, TaskActions actions, Callers callers) {
        this.queries = queries;
        this.actions = actions;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
    @Operation(summary = "The caller's agency inbox (all agencies for supervisors), in due order")
    public Page<TaskView> list(@QueryParam("status") String status, @QueryParam("dossier") String dossier,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Page.Request paging = Page.Request.of(page, size, errors);
        TaskStatus statusFilter = statusParam(status, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        TaskQueries.Found found = queries.inbox(callers.current(), statusFilter,
                dossier == null || dossier.isBlank() ? null : dossier.trim(), paging.page(), paging.size());
        return new Page<>(found.items().stream().map(TaskView::summary).toList(), paging.page(), paging.size(),
                found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Callers.AGENCY_OFFICER, Callers.SUPERVISOR})
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
            errors.add(new Problem.FieldError("status", "phải là một trong ASSIGNED, CLAIMED, COMPLETED, CANCELLED"));
            return null;
        }
    }
}
