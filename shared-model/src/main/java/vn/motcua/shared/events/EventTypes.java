package vn.motcua.shared.events;

import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.catalog.CalendarYearPublished;
import vn.motcua.shared.events.catalog.OneStopUnitUpserted;
import vn.motcua.shared.events.catalog.ProcedureVersionPublished;
import vn.motcua.shared.events.catalog.ProcedureVersionRetired;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SubmissionUnchecked;
import vn.motcua.shared.events.notification.NotificationDeadLettered;
import vn.motcua.shared.events.notification.NotificationDelivered;
import vn.motcua.shared.events.notification.NotificationFailed;
import vn.motcua.shared.events.result.DossierRated;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DeadlineWarning;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierOverdue;
import vn.motcua.shared.events.routing.SupplementOverdue;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.DossierResumed;
import vn.motcua.shared.events.routing.DossierRouted;
import vn.motcua.shared.events.routing.FinancialObligationPaid;
import vn.motcua.shared.events.routing.FinancialObligationRequested;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.shared.events.routing.TaskClaimed;
import vn.motcua.shared.events.routing.TaskCompleted;
import vn.motcua.shared.events.routing.TaskReturned;
import vn.motcua.shared.events.routing.TaskTransferred;
import vn.motcua.shared.events.routing.TaskOfficerAssigned;
import vn.motcua.shared.events.routing.TaskDrafted;
import vn.motcua.shared.events.routing.TaskReviewed;
import vn.motcua.shared.events.routing.TaskSigned;
import vn.motcua.shared.events.routing.DelegationGranted;
import vn.motcua.shared.events.routing.DelegationRevoked;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the system: type name → payload record → topic. Consumers dispatch on it; the
 * AsyncAPI test enumerates it, so a type missing here is missing from the documented contract too.
 */
public final class EventTypes {

    // intake
    public static final EventType<DossierSubmitted> DOSSIER_SUBMITTED =
            new EventType<>(DossierSubmitted.TYPE, DossierSubmitted.class, DossierSubmitted.TOPIC);
    public static final EventType<DossierReceived> DOSSIER_RECEIVED =
            new EventType<>(DossierReceived.TYPE, DossierReceived.class, DossierReceived.TOPIC);
    public static final EventType<DossierSupplementRequested> SUPPLEMENT_REQUESTED =
            new EventType<>(DossierSupplementRequested.TYPE, DossierSupplementRequested.class, DossierSupplementRequested.TOPIC);
    public static final EventType<DossierSupplementSupplied> SUPPLEMENT_SUPPLIED =
            new EventType<>(DossierSupplementSupplied.TYPE, DossierSupplementSupplied.class, DossierSupplementSupplied.TOPIC);
    public static final EventType<DossierRefused> DOSSIER_REFUSED =
            new EventType<>(DossierRefused.TYPE, DossierRefused.class, DossierRefused.TOPIC);
    public static final EventType<DossierWithdrawn> DOSSIER_WITHDRAWN =
            new EventType<>(DossierWithdrawn.TYPE, DossierWithdrawn.class, DossierWithdrawn.TOPIC);
    public static final EventType<SubmissionUnchecked> SUBMISSION_UNCHECKED =
            new EventType<>(SubmissionUnchecked.TYPE, SubmissionUnchecked.class, SubmissionUnchecked.TOPIC);

    // routing
    public static final EventType<DossierRouted> DOSSIER_ROUTED =
            new EventType<>(DossierRouted.TYPE, DossierRouted.class, DossierRouted.TOPIC);
    public static final EventType<TaskAssigned> TASK_ASSIGNED =
            new EventType<>(TaskAssigned.TYPE, TaskAssigned.class, TaskAssigned.TOPIC);
    public static final EventType<TaskClaimed> TASK_CLAIMED =
            new EventType<>(TaskClaimed.TYPE, TaskClaimed.class, TaskClaimed.TOPIC);
    public static final EventType<TaskCompleted> TASK_COMPLETED =
            new EventType<>(TaskCompleted.TYPE, TaskCompleted.class, TaskCompleted.TOPIC);
    public static final EventType<TaskReturned> TASK_RETURNED =
            new EventType<>(TaskReturned.TYPE, TaskReturned.class, TaskReturned.TOPIC);
    public static final EventType<TaskTransferred> TASK_TRANSFERRED =
            new EventType<>(TaskTransferred.TYPE, TaskTransferred.class, TaskTransferred.TOPIC);
    public static final EventType<TaskOfficerAssigned> TASK_OFFICER_ASSIGNED =
            new EventType<>(TaskOfficerAssigned.TYPE, TaskOfficerAssigned.class, TaskOfficerAssigned.TOPIC);
    public static final EventType<TaskDrafted> TASK_DRAFTED =
            new EventType<>(TaskDrafted.TYPE, TaskDrafted.class, TaskDrafted.TOPIC);
    public static final EventType<TaskReviewed> TASK_REVIEWED =
            new EventType<>(TaskReviewed.TYPE, TaskReviewed.class, TaskReviewed.TOPIC);
    public static final EventType<TaskSigned> TASK_SIGNED =
            new EventType<>(TaskSigned.TYPE, TaskSigned.class, TaskSigned.TOPIC);
    public static final EventType<DossierPaused> DOSSIER_PAUSED =
            new EventType<>(DossierPaused.TYPE, DossierPaused.class, DossierPaused.TOPIC);
    public static final EventType<DossierResumed> DOSSIER_RESUMED =
            new EventType<>(DossierResumed.TYPE, DossierResumed.class, DossierResumed.TOPIC);
    public static final EventType<FinancialObligationRequested> OBLIGATION_REQUESTED =
            new EventType<>(FinancialObligationRequested.TYPE, FinancialObligationRequested.class, FinancialObligationRequested.TOPIC);
    public static final EventType<FinancialObligationPaid> OBLIGATION_PAID =
            new EventType<>(FinancialObligationPaid.TYPE, FinancialObligationPaid.class, FinancialObligationPaid.TOPIC);
    public static final EventType<DossierProcessingStopped> PROCESSING_STOPPED =
            new EventType<>(DossierProcessingStopped.TYPE, DossierProcessingStopped.class, DossierProcessingStopped.TOPIC);
    public static final EventType<DossierExtensionGranted> EXTENSION_GRANTED =
            new EventType<>(DossierExtensionGranted.TYPE, DossierExtensionGranted.class, DossierExtensionGranted.TOPIC);
    public static final EventType<DeadlineWarning> DEADLINE_WARNING =
            new EventType<>(DeadlineWarning.TYPE, DeadlineWarning.class, DeadlineWarning.TOPIC);
    public static final EventType<DossierOverdue> DOSSIER_OVERDUE =
            new EventType<>(DossierOverdue.TYPE, DossierOverdue.class, DossierOverdue.TOPIC);
    public static final EventType<SupplementOverdue> SUPPLEMENT_OVERDUE =
            new EventType<>(SupplementOverdue.TYPE, SupplementOverdue.class, SupplementOverdue.TOPIC);
    public static final EventType<DossierProcessed> DOSSIER_PROCESSED =
            new EventType<>(DossierProcessed.TYPE, DossierProcessed.class, DossierProcessed.TOPIC);

    // routing: inside agencies
    public static final EventType<DelegationGranted> DELEGATION_GRANTED =
            new EventType<>(DelegationGranted.TYPE, DelegationGranted.class, DelegationGranted.TOPIC);
    public static final EventType<DelegationRevoked> DELEGATION_REVOKED =
            new EventType<>(DelegationRevoked.TYPE, DelegationRevoked.class, DelegationRevoked.TOPIC);

    // result
    public static final EventType<ResultReturned> RESULT_RETURNED =
            new EventType<>(ResultReturned.TYPE, ResultReturned.class, ResultReturned.TOPIC);
    public static final EventType<DossierRated> DOSSIER_RATED =
            new EventType<>(DossierRated.TYPE, DossierRated.class, DossierRated.TOPIC);

    // notification
    public static final EventType<NotificationDelivered> NOTIFICATION_DELIVERED =
            new EventType<>(NotificationDelivered.TYPE, NotificationDelivered.class, NotificationDelivered.TOPIC);
    public static final EventType<NotificationFailed> NOTIFICATION_FAILED =
            new EventType<>(NotificationFailed.TYPE, NotificationFailed.class, NotificationFailed.TOPIC);
    public static final EventType<NotificationDeadLettered> NOTIFICATION_DEAD_LETTERED =
            new EventType<>(NotificationDeadLettered.TYPE, NotificationDeadLettered.class, NotificationDeadLettered.TOPIC);

    // catalogue
    public static final EventType<ProcedureVersionPublished> PROCEDURE_VERSION_PUBLISHED =
            new EventType<>(ProcedureVersionPublished.TYPE, ProcedureVersionPublished.class, ProcedureVersionPublished.TOPIC);
    public static final EventType<ProcedureVersionRetired> PROCEDURE_VERSION_RETIRED =
            new EventType<>(ProcedureVersionRetired.TYPE, ProcedureVersionRetired.class, ProcedureVersionRetired.TOPIC);
    public static final EventType<AgencyUpserted> AGENCY_UPSERTED =
            new EventType<>(AgencyUpserted.TYPE, AgencyUpserted.class, AgencyUpserted.TOPIC);
    public static final EventType<OneStopUnitUpserted> UNIT_UPSERTED =
            new EventType<>(OneStopUnitUpserted.TYPE, OneStopUnitUpserted.class, OneStopUnitUpserted.TOPIC);
    public static final EventType<CalendarYearPublished> CALENDAR_YEAR_PUBLISHED =
            new EventType<>(CalendarYearPublished.TYPE, CalendarYearPublished.class, CalendarYearPublished.TOPIC);

    public static final List<EventType<?>> ALL = List.of(
            DOSSIER_SUBMITTED, DOSSIER_RECEIVED, SUPPLEMENT_REQUESTED, SUPPLEMENT_SUPPLIED, DOSSIER_REFUSED, DOSSIER_WITHDRAWN,
            SUBMISSION_UNCHECKED,
            DOSSIER_ROUTED, TASK_ASSIGNED, TASK_CLAIMED, TASK_COMPLETED, TASK_RETURNED, TASK_TRANSFERRED,
            TASK_OFFICER_ASSIGNED, TASK_DRAFTED, TASK_REVIEWED, TASK_SIGNED,
            DOSSIER_PAUSED, DOSSIER_RESUMED, OBLIGATION_REQUESTED, OBLIGATION_PAID, PROCESSING_STOPPED,
            EXTENSION_GRANTED, DEADLINE_WARNING, DOSSIER_OVERDUE, SUPPLEMENT_OVERDUE, DOSSIER_PROCESSED,
            DELEGATION_GRANTED, DELEGATION_REVOKED,
            RESULT_RETURNED, DOSSIER_RATED,
            NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, NOTIFICATION_DEAD_LETTERED,
            PROCEDURE_VERSION_PUBLISHED, PROCEDURE_VERSION_RETIRED, AGENCY_UPSERTED, UNIT_UPSERTED,
            CALENDAR_YEAR_PUBLISHED);

    private static final Map<String, EventType<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toMap(EventType::type, Function.identity(), (a, b) -> {
                throw new IllegalStateException("type registered twice: " + a.type());
            }, LinkedHashMap::new));

    private EventTypes() {
    }

    /** The registered type of this name, empty for a type this build does not know (skip it). */
    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The registered type of a payload record. */
    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> EventType<T> of(Class<T> payloadClass) {
        return (EventType<T>) ALL.stream().filter(t -> t.payloadClass() == payloadClass).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadClass.getName() + " is not a registered event payload"));
    }

    /** The types published on one topic, in registration order. */
    public static List<EventType<?>> onTopic(String topic) {
        return ALL.stream().filter(t -> t.topic().equals(topic)).toList();
    }

    /** A new envelope for any registered payload. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends EventPayload> CloudEvent<T> envelope(String source, T payload) {
        EventType<T> type = (EventType<T>) of((Class) payload.getClass());
        return type.envelope(source, payload);
    }
}
