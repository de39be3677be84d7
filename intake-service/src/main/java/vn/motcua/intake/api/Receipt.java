package vn.motcua.intake.api;

import vn.motcua.intake.domain.Dossier;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;

/**
 * The answer to a reception (the data of Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả) or to an
 * online submission (no receipt time nor appointment until an officer accepts it; {@code submittedAt}
 * instead). {@code lookupPin} is shown once, here, for the citizen's status lookups.
 */
public record Receipt(String code, String status, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                      String lookupPin, OffsetDateTime submittedAt) {

    public static Receipt of(Dossier dossier, String pin) {
        return new Receipt(dossier.code, dossier.status, vietnam(dossier.receivedAt), vietnam(dossier.appointmentAt),
                pin, vietnam(dossier.submittedAt));
    }

    static OffsetDateTime vietnam(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
