package vn.motcua.documents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
 *
 * @param request        nội dung yêu cầu giải quyết: the procedure's name
 * @param sets           số lượng hồ sơ (bộ): the sets actually handed in
 * @param statutoryTime  thời gian giải quyết theo quy định, as words, e.g. "05 ngày làm việc"
 * @param collectAt      how and where the result goes back (đăng ký nhận kết quả tại): the unit, or by post to an
 *                       address, or online
 * @param logBook        sổ theo dõi hồ sơ, quyển số; may be null
 * @param entryNumber    số thứ tự in the log book
 * @param receivedBy     the counter officer's full name (not the login)
 * @param lookupUrl      the citizens' page with the code and PIN filled in, for the QR code; may be null
 * @param lookupPin      the PIN that opens the dossier on the citizens' page; null on a reprint, whose PIN was shown
 *                       once at reception and is not kept (printed as dots, to write in by hand)
 */
public record ReceiptData(Issuer issuer, String dossierCode, Applicant applicant, String request,
                          List<DocumentItem> documents, int sets, String statutoryTime,
                          OffsetDateTime receivedAt, OffsetDateTime appointmentAt, String collectAt,
                          String logBook, String entryNumber, String receivedBy, String lookupUrl,
                          String lookupPin) {
    public ReceiptData {
        documents = List.copyOf(documents);
    }

    /** A receipt without a PIN whose QR code carries the dossier code alone (no citizens' page to link to). */
    public ReceiptData(Issuer issuer, String dossierCode, Applicant applicant, String request, List<DocumentItem> documents,
                       int sets, String statutoryTime, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                       String collectAt, String logBook, String entryNumber, String receivedBy) {
        this(issuer, dossierCode, applicant, request, documents, sets, statutoryTime, receivedAt, appointmentAt, collectAt,
                logBook, entryNumber, receivedBy, null, null);
    }

    /** What the QR code says: the citizens' lookup address with the code (and PIN) filled in, else the code. */
    public String qrText() {
        return lookupUrl == null || lookupUrl.isBlank() ? dossierCode : lookupUrl;
    }
}
