package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * The single new appointment, with the apology to the applicant (Form 04, phiếu xin lỗi và hẹn lại
 * ngày trả kết quả). A dossier gets at most one.
 *
 * @param apologyRef number or reference of the apology letter
 * @param signedBy       the head of the agency at fault who signed it, if recorded
 * @param lawfulDueAt the statutory due time, which the extension does not move: a result after it is late
 *                       (with this apology); absent from producers before issue 20
 */
public record DossierExtensionGranted(
        String dossierCode,
        OffsetDateTime grantedAt,
        String agencyAtFaultCode,
        String agencyAtFaultName,
        String reason,
        OffsetDateTime previousDueAt,
        OffsetDateTime newDueAt,
        String apologyRef,
        @OptionalField String signedBy,
        @OptionalField OffsetDateTime lawfulDueAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.extension-granted.v1";
    public static final String TOPIC = Topics.ROUTING;

    /** The event as producers before issue 20 wrote it, without the statutory due time. */
    public DossierExtensionGranted(String dossierCode, OffsetDateTime grantedAt, String agencyAtFaultCode,
                                   String agencyAtFaultName, String reason, OffsetDateTime previousDueAt,
                                   OffsetDateTime newDueAt, String apologyRef, String signedBy) {
        this(dossierCode, grantedAt, agencyAtFaultCode, agencyAtFaultName, reason, previousDueAt, newDueAt, apologyRef,
                signedBy, null);
    }
}
