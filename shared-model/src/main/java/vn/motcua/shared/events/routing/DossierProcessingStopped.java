package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * Processing stopped for good (dừng xử lý, national status 8), with the notice's reason.
 *
 * @param supplementLapse set when routing ended the dossier itself because the supply-by date of a request for
 *                        supplement passed unanswered: {@link SupplementLapse#RETURN} (returned to the applicant) or
 *                        {@link SupplementLapse#STOP}, the procedure's rule; absent for an officer's stop
 */
public record DossierProcessingStopped(
        String dossierCode,
        String agencyCode,
        String stoppedBy,
        OffsetDateTime stoppedAt,
        String reason,
        @OptionalField SupplementLapse supplementLapse) implements RoutingEvent {

    public DossierProcessingStopped(String dossierCode, String agencyCode, String stoppedBy, OffsetDateTime stoppedAt,
                                    String reason) {
        this(dossierCode, agencyCode, stoppedBy, stoppedAt, reason, null);
    }

    public static final String TYPE = "vn.motcua.dossier.processing-stopped.v1";
    public static final String TOPIC = Topics.ROUTING;
}
