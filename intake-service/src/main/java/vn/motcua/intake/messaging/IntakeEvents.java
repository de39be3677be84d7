package vn.motcua.intake.messaging;

import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;

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
    public static CloudEvent<DossierReceived> received(Dossier dossier, ProcedureVersion procedure, String pin) {
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
                new Applicant(dossier.applicantName, dossier.applicantPhone, dossier.applicantEmail,
                        dossier.applicantAddress),
                dossier.citizenIdHmac,
                pin,
                procedure.routingPlan()));
    }
}
