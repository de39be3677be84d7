package vn.motcua.documents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
 *
 * @param request        nội dung yêu cầu giải quyết: the procedure's name
 * @param sets           số lượng hồ sơ (bộ)
 * @param statutoryTime  thời gian giải quyết theo quy định, as words, e.g. "05 ngày làm việc"
 * @param collectAt      where the result is collected (đăng ký nhận kết quả tại)
 * @param logBook        sổ theo dõi hồ sơ, quyển số; may be null
 * @param entryNumber    số thứ tự in the log book
 * @param receivedBy     the counter officer's name
 */
public record ReceiptData(Issuer issuer, String dossierCode, Applicant applicant, String request,
                          List<DocumentItem> documents, int sets, String statutoryTime,
                          OffsetDateTime receivedAt, OffsetDateTime appointmentAt, String collectAt,
                          String logBook, String entryNumber, String receivedBy, String lookupUrl) {
    public ReceiptData {
        documents = List.copyOf(documents);
    }

    /** A receipt whose QR code carries the dossier code alone (no citizens' page to link to). */
    public ReceiptData(Issuer issuer, String dossierCode, Applicant applicant, String request, List<DocumentItem> documents,
                       int sets, String statutoryTime, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                       String collectAt, String logBook, String entryNumber, String receivedBy) {
        this(issuer, dossierCode, applicant, request, documents, sets, statutoryTime, receivedAt, appointmentAt, collectAt,
                logBook, entryNumber, receivedBy, null);
    }

    /** What the QR code says: the citizens' lookup address with the code filled in, else the code. */
    public String qrText() {
        return lookupUrl == null || lookupUrl.isBlank() ? dossierCode : lookupUrl;
    }
}
