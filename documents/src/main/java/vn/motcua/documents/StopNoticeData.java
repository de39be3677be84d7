package vn.motcua.documents;

import java.time.OffsetDateTime;

/**
 * Form 05 of Circular 03/2025, Thông báo dừng giải quyết hồ sơ.
 *
 * @param documentNumber "Số: ..." of the notice, required (an administrative document is numbered)
 * @param reason     why processing stops, e.g. the applicant withdrew the dossier
 * @param legalBasis what the stop rests on ("Căn cứ ..."), required
 */
public record StopNoticeData(Issuer issuer, String documentNumber, String dossierCode, Applicant applicant,
                             String request, OffsetDateTime receivedAt, String reason, String legalBasis,
                             String signerTitle, String signerName, OffsetDateTime issuedAt) {
    public StopNoticeData {
        Forms.required(documentNumber, "the notice's number");
        Forms.required(legalBasis, "the legal basis of the stop");
    }
}
