package vn.motcua.documents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ. A refused dossier may have no code: then the
 * QR code carries nothing and is left out.
 */
public record RefusalData(Issuer issuer, String dossierCode, Applicant applicant, String request,
                          List<String> reasons, String officer, OffsetDateTime issuedAt) {
    public RefusalData {
        reasons = List.copyOf(reasons);
    }
}
