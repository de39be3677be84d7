package vn.motcua.intake.messaging;

import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.intake.domain.SupplementRequest;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.ApplicantKind;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SupplementItem;

import java.util.List;

/** The events intake publishes on {@code motcua.intake.events}, built from its entities. */
public final class IntakeEvents {
    public static final String TOPIC = Topics.INTAKE;
    public static final String CATALOG_TOPIC = Topics.CATALOG;
    public static final String SOURCE = "intake-service";

    private IntakeEvents() {
    }

    /**
     * {@code received}: carries the procedure version's routing plan (routing builds the tasks from
     * it), and the applicant's contact and plain PIN (only notification uses them; the PIN is on no
     * other event). The citizen ID goes out only as its keyed HMAC.
     */
    public static CloudEvent<DossierSubmitted> submitted(Dossier dossier, ProcedureVersion procedure, String pin) {
        return EventTypes.envelope(SOURCE, new DossierSubmitted(dossier.code, procedure.code, procedure.version,
                procedure.name, dossier.unitCode, dossier.submittedAt, applicant(dossier), dossier.citizenIdHmac, pin));
    }

    public static CloudEvent<DossierRefused> refused(Dossier dossier, List<String> reasons, String officer,
                                                     boolean everReceived) {
        return EventTypes.envelope(SOURCE, new DossierRefused(dossier.code, dossier.unitCode, dossier.statusChangedAt,
                officer, reasons, everReceived ? null : applicant(dossier)));
    }

    public static CloudEvent<DossierWithdrawn> withdrawn(Dossier dossier, String recordedBy, String reason) {
        return EventTypes.envelope(SOURCE, new DossierWithdrawn(dossier.code, dossier.statusChangedAt, recordedBy, reason));
    }

    public static CloudEvent<DossierSupplementRequested> supplementRequested(Dossier dossier, SupplementRequest request,
                                                                            List<SupplementItem> items) {
        return EventTypes.envelope(SOURCE, new DossierSupplementRequested(dossier.code, request.requestedAt,
                request.requestedBy, request.agencyCode, request.reason, items, request.supplyBy));
    }

    public static CloudEvent<DossierSupplementSupplied> supplementSupplied(Dossier dossier, SupplementRequest request,
                                                                          List<SupplementItem> items, String counterOfficer) {
        return EventTypes.envelope(SOURCE, new DossierSupplementSupplied(dossier.code, request.suppliedAt,
                counterOfficer, items, request.suppliedNote));
    }

    private static Applicant applicant(Dossier dossier) {
        return new Applicant(dossier.applicantName, dossier.applicantPhone, dossier.applicantEmail, dossier.applicantAddress,
                dossier.applicantKind == null ? null : ApplicantKind.valueOf(dossier.applicantKind),
                dossier.organisationName, dossier.taxCode, dossier.representedName);
    }

    /** {@code plan}: the routing plan of this dossier (the procedure's, with the applicant's commune's agency). */
    public static CloudEvent<DossierReceived> received(Dossier dossier, ProcedureVersion procedure, String pin,
                                                       RoutingPlanSnapshot plan) {
        return EventTypes.envelope(SOURCE, new DossierReceived(
                dossier.code,
                procedure.code,
                procedure.version,
                procedure.name,
                ReceptionChannel.valueOf(dossier.channel),
                dossier.unitCode,
                dossier.receivedBy,
                dossier.receivedAt,
                dossier.appointmentAt,
                procedure.statutoryTime(),
                applicant(dossier),
                dossier.citizenIdHmac,
                pin,
                plan,
                ReturnChannel.valueOf(dossier.returnChannel),
                dossier.returnAddress,
                procedure.rules(),
                dossier.sets,
                dossier.countsFrom,
                dossier.handedOverAt));
    }
}
