package vn.motcua.routing.api;

import vn.motcua.routing.domain.AgencyTask;
import vn.motcua.routing.domain.DossierQueries;
import vn.motcua.routing.domain.DossierStatus;
import vn.motcua.routing.domain.RoutedDossier;
import vn.motcua.routing.domain.TaskActivity;
import vn.motcua.routing.domain.TaskStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.Map;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static vn.motcua.routing.api.DossierView.vn;

/**
 * The process control sheet (Form 06 of Circular 03/2025, phiếu kiểm soát quá trình giải quyết hồ sơ): one row per handover
 * (giao / nhận) with its time, the two parties, the step's result and whether it was on time; the last
 * row hands the decided (or stopped) dossier back to the one-stop unit.
 *
 * <p>{@code result} is the step's outcome ({@code APPROVED}, {@code REJECTED}), or how the task closed
 * otherwise ({@code RETURNED}, {@code TRANSFERRED}, {@code CANCELLED}, {@code STOPPED}), or null while open.
 * {@code onTime} is null while an open step is still within its due date. Every verdict is the law's: a step by
 * its own due date (its share, moved only by pauses), the last row (back to the unit) by the dossier's lawful
 * due date, which the extension does not move.
 */
public record ControlSheet(String code, List<Row> rows) {

    public record Row(String from, String to, OffsetDateTime handedOverAt, OffsetDateTime receivedAt,
                      OffsetDateTime dueAt, String result, Boolean onTime,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Activity> activities) {

        Row(String from, String to, OffsetDateTime handedOverAt, OffsetDateTime receivedAt, OffsetDateTime dueAt,
            String result, Boolean onTime) {
            this(from, to, handedOverAt, receivedAt, dueAt, result, onTime, List.of());
        }
    }

    /**
     * Who did what and when inside the receiving agency (issue 24): {@code action} ASSIGNED, DRAFTED, SENT_BACK,
     * REVIEWED, SIGNED; {@code label} as Form 06 prints it; {@code onBehalfOf} the head a delegate acted for.
     */
    public record Activity(String action, String label, String by,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String onBehalfOf, OffsetDateTime at,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String note,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {

        static Activity of(TaskActivity a) {
            return new Activity(a.action.name(), a.action.label, a.actor, a.onBehalfOf, vn(a.at), a.note,
                    a.signAs == null ? null : a.signAs.mark());
        }
    }

    static ControlSheet of(DossierQueries.Found found, OffsetDateTime now) {
        return of(found, List.of(), now);
    }

    static ControlSheet of(DossierQueries.Found found, List<TaskActivity> activities, OffsetDateTime now) {
        Map<java.util.UUID, List<Activity>> byTask = new HashMap<>();
        for (TaskActivity a : activities) {
            byTask.computeIfAbsent(a.taskId, k -> new ArrayList<>()).add(Activity.of(a));
        }
        RoutedDossier dossier = found.dossier();
        List<Row> rows = new ArrayList<>();
        String lastAgency = null;
        for (AgencyTask task : found.tasks()) {
            OffsetDateTime closed = task.completedAt != null ? task.completedAt : task.closedAt;
            String result = task.status == TaskStatus.COMPLETED ? task.outcome.name()
                    : task.status.open() ? null : task.status.name();
            // Not a nested conditional: (c ? boolean : Boolean) unboxes, and an open step within its due date
            // (null) threw.
            Boolean onTime = null;
            if (closed != null) {
                onTime = !closed.isAfter(task.dueAt);
            } else if (now.isAfter(task.dueAt)) {
                onTime = false;
            }
            rows.add(new Row(task.handedOverBy, task.agency, vn(task.assignedAt), vn(task.claimedAt), vn(task.dueAt),
                    result, onTime, byTask.getOrDefault(task.id, List.of())));
            if (task.status == TaskStatus.COMPLETED) {
                lastAgency = task.agency;
            }
        }
        if (dossier.status == DossierStatus.PROCESSED) {
            rows.add(new Row(lastAgency, dossier.unitCode, vn(dossier.decidedAt), null, vn(dossier.lawfulDueAt),
                    dossier.outcome.name(), !dossier.decidedAt.isAfter(dossier.lawfulDueAt)));
        } else if (dossier.status == DossierStatus.STOPPED) {
            rows.add(new Row(dossier.stopAgency, dossier.unitCode, vn(dossier.stoppedAt), null, vn(dossier.lawfulDueAt),
                    "STOPPED", !dossier.stoppedAt.isAfter(dossier.lawfulDueAt)));
        }
        return new ControlSheet(dossier.code, rows);
    }
}
