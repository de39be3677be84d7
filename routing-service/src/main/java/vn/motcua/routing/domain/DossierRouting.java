package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.routing.DossierRouted;
import vn.motcua.shared.events.routing.TaskAssigned;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Instantiates a received dossier's routing plan and opens its stages' tasks (giao hồ sơ cho cơ quan). */
@ApplicationScoped
public class DossierRouting {
    private static final Logger LOG = Logger.getLogger(DossierRouting.class);

    private final EntityManager em;
    private final RoutingRows rows;
    private final RoutingEvents events;
    private final Deadlines deadlines;

    public DossierRouting(EntityManager em, RoutingRows rows, RoutingEvents events, Deadlines deadlines) {
        this.em = em;
        this.rows = rows;
        this.events = events;
        this.deadlines = deadlines;
    }

    /**
     * Stores the plan with every step's due time, opens the first stage and publishes
     * {@code DossierRouted} and one {@code TaskAssigned} per task. A dossier already routed (the same
     * reception sent again under another event id) is left as it is.
     */
    @Transactional
    public void route(DossierReceived received) {
        OffsetDateTime now = deadlines.now();
        RoutingPlan plan = new RoutingPlan(received.routingPlan(),
                new StepScheduler(deadlines.calculator()).schedule(received.routingPlan(), received.countsFromOrReceipt(),
                        received.handedOverOrCount()));

        RoutedDossier dossier = new RoutedDossier();
        dossier.code = received.dossierCode();
        dossier.procedureCode = received.procedureCode();
        dossier.procedureVersion = received.procedureVersion();
        dossier.unitCode = received.unitCode();
        dossier.procedureName = received.procedureName();
        if (received.applicant() != null) {
            dossier.applicantName = received.applicant().addressee();
            dossier.applicantAddress = received.applicant().address();
        }
        dossier.receivedAt = received.receivedAt();
        dossier.dueAt = received.appointmentAt();
        dossier.statutoryDueAt = received.appointmentAt();
        dossier.lawfulDueAt = received.appointmentAt();
        dossier.warnAt = deadlines.warnAt(dossier.dueAt);
        dossier.routedAt = now;
        dossier.status = DossierStatus.IN_PROGRESS;
        dossier.currentStage = 0;
        dossier.plan = plan.toJson();
        // The catalogue's flags of the version received under; an older producer sent none: all allowed.
        if (received.rules() != null) {
            dossier.suspensionAllowed = received.rules().suspensionAllowed();
            dossier.extensionAllowed = received.rules().extensionAllowed();
            dossier.documents = received.rules().documents().isEmpty() ? null
                    : Supplements.documentsJson(received.rules().documents());
            dossier.supplementLapse = received.rules().supplementLapse();
        }
        if (!rows.insertNew(dossier)) {
            LOG.warnf("dossier %s is already routed; received event ignored", received.dossierCode());
            return;
        }
        events.publish(new DossierRouted(dossier.code, now, dossier.dueAt, plan.schedule()));
        // The first stage's tasks in plain SQL too (RoutingRows); later stages, returns and transfers through assign.
        List<AgencyTask> tasks = new ArrayList<>();
        for (PlanStep step : plan.stage(0).steps()) {
            tasks.add(newTask(dossier.code, 0, step.stepId(), step.agencyCode(), step.agencyName(),
                    plan.dueOf(0, step), received.unitCode(), now));
        }
        rows.insertAssigned(tasks);
        tasks.forEach(this::announce);
    }

    /** Creates the tasks of a stage (one per step) and publishes their {@code TaskAssigned}. */
    void openStage(RoutedDossier dossier, RoutingPlan plan, int stageIndex, String handedOverBy, OffsetDateTime now) {
        dossier.currentStage = stageIndex;
        PlanStage stage = plan.stage(stageIndex);
        for (PlanStep step : stage.steps()) {
            assign(dossier.code, stageIndex, step.stepId(), step.agencyCode(), step.agencyName(),
                    plan.dueOf(stageIndex, step), handedOverBy, now);
        }
    }

    /**
     * Puts one step's task in an agency's queue (a handover row of Form 06, the control sheet) and publishes its
     * {@code TaskAssigned}: a stage opening, a step returned to, or a step transferred.
     */
    AgencyTask assign(String dossierCode, int stageIndex, String stepId, String agency, String agencyName,
                      OffsetDateTime dueAt, String handedOverBy, OffsetDateTime now) {
        AgencyTask task = newTask(dossierCode, stageIndex, stepId, agency, agencyName, dueAt, handedOverBy, now);
        em.persist(task);
        announce(task);
        return task;
    }

    private AgencyTask newTask(String dossierCode, int stageIndex, String stepId, String agency, String agencyName,
                               OffsetDateTime dueAt, String handedOverBy, OffsetDateTime now) {
        AgencyTask task = new AgencyTask();
        task.id = UUID.randomUUID();
        task.dossierCode = dossierCode;
        task.stageIndex = stageIndex;
        task.stepId = stepId;
        task.agency = agency;
        task.agencyName = agencyName;
        task.status = TaskStatus.ASSIGNED;
        task.handedOverBy = handedOverBy;
        task.assignedAt = now;
        task.dueAt = dueAt;
        task.warnAt = deadlines.warnAt(dueAt);
        return task;
    }

    private void announce(AgencyTask t) {
        events.publish(new TaskAssigned(t.dossierCode, t.id, t.stepId, t.agency, t.agencyName, t.handedOverBy,
                t.assignedAt, t.dueAt));
    }
}
