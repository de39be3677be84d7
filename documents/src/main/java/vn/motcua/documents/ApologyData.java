package vn.motcua.documents;

import java.time.OffsetDateTime;

/**
 * Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Circular 03/2025; Circular
 * 01/2018's Phiếu xin lỗi và hẹn lại ngày trả kết quả). Issued by the agency at fault, signed by its head.
 *
 * @param documentNumber  "Số: .../..." of the letter; may be null
 * @param faultyAgency    the agency whose delay it is
 * @param reason          why the dossier is late
 * @param newAppointmentAt the new return time (a new appointment may be given only once)
 * @param signerTitle     the title of the head of the agency at fault who signs, e.g. "Chủ tịch"
 * @param signerName      their full name: the letter is not valid unsigned, so both are required
 */
public record ApologyData(Issuer issuer, String documentNumber, String dossierCode, Applicant applicant,
                          String request, OffsetDateTime receivedAt, OffsetDateTime originalAppointmentAt,
                          String faultyAgency, String reason, OffsetDateTime newAppointmentAt,
                          String signerTitle, String signerName, OffsetDateTime issuedAt) {
    public ApologyData {
        Forms.required(signerTitle, "the signer's title (the head of the agency at fault)");
        Forms.required(signerName, "the signer's name (the head of the agency at fault)");
    }
}
