package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.DossierEvent;

/** A dossier event published by intake on {@link vn.motcua.shared.events.Topics#INTAKE}. */
public sealed interface IntakeEvent extends DossierEvent
        permits DossierSubmitted, DossierReceived, DossierSupplementRequested, DossierSupplementSupplied, DossierRefused,
        DossierWithdrawn, SubmissionUnchecked {
}
