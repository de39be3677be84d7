package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.DossierEvent;

/** A dossier event published by routing on {@link vn.motcua.shared.events.Topics#ROUTING}. */
public sealed interface RoutingEvent extends DossierEvent
        permits DossierRouted, TaskAssigned, TaskClaimed, TaskCompleted, TaskReturned, TaskTransferred,
        TaskOfficerAssigned, TaskDrafted, TaskReviewed, TaskSigned,
        DossierPaused, DossierResumed, FinancialObligationRequested, FinancialObligationPaid,
        DossierProcessingStopped, DossierExtensionGranted, DeadlineWarning, DossierOverdue, SupplementOverdue,
        DossierProcessed {
}
