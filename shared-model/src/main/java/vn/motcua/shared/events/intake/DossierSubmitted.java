package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * A citizen submitted a dossier online (national status 1, Mới đăng ký); it waits for a counter
 * officer's check, and its deadline clock has not started. The code and PIN are issued now so the
 * citizen can follow it; {@code received} follows when an officer accepts it.
 *
 * @param citizenIdHmac keyed HMAC of the logged-in citizen's ID, linking the submission to them
 * @param lookupPin     the 6-digit PIN for the public status lookup, in plain text for notification
 */
public record DossierSubmitted(
        String dossierCode,
        String procedureCode,
        int procedureVersion,
        String procedureName,
        String unitCode,
        OffsetDateTime submittedAt,
        Applicant applicant,
        @OptionalField String citizenIdHmac,
        String lookupPin) implements IntakeEvent {
    public static final String TYPE = "vn.motcua.dossier.submitted.v1";
    public static final String TOPIC = Topics.INTAKE;

    /** Keeps the PIN and contact details out of logs. */
    @Override
    public String toString() {
        return "DossierSubmitted[dossierCode=" + dossierCode + ", procedureCode=" + procedureCode
                + ", procedureVersion=" + procedureVersion + ", unitCode=" + unitCode + ", submittedAt=" + submittedAt
                + ", applicant=***, lookupPin=***]";
    }
}
