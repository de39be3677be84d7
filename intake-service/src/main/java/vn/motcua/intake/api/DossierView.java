package vn.motcua.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/dossiers/{code}}. The citizen ID is shown masked; the PIN is never shown again. */
public record DossierView(String code, String procedureCode, int procedureVersion, String procedureName,
                          String channel, String unitCode, String status, int nationalStatusCode,
                          Applicant applicant, List<ReceptionRequest.Document> documents, String receivedBy,
                          OffsetDateTime receivedAt, OffsetDateTime appointmentAt) {

    public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
    }

    static DossierView of(Dossier d, ProcedureVersion procedure) {
        DossierState state = DossierState.valueOf(d.status);
        return new DossierView(d.code, d.procedureCode, d.procedureVersion, procedure == null ? null : procedure.name,
                d.channel, d.unitCode, d.status, state.nationalStatusCode(),
                new Applicant(d.applicantName, mask(d.applicantId), d.applicantPhone, d.applicantEmail, d.applicantAddress),
                documents(d.documents), d.receivedBy,
                d.receivedAt.withOffsetSameInstant(EventJson.VIETNAM),
                d.appointmentAt.withOffsetSameInstant(EventJson.VIETNAM));
    }

    private static String mask(String id) {
        return id == null ? null : "*".repeat(id.length() - 3) + id.substring(id.length() - 3);
    }

    private static List<ReceptionRequest.Document> documents(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dossier row holds documents of the wrong shape", e);
        }
    }
}
