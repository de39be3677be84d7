package vn.motcua.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. The written guidance given at the counter before
 * reception has no dossier code: then the QR code is left out.
 *
 * @param items     the documents to supply or complete, each with its note (what and why)
 * @param reason    the reason, in words
 * @param contact   whom to ask, e.g. "Trung tâm ..., số điện thoại 024..."; may be null
 * @param officer   the officer who asks (người hướng dẫn)
 * @param issuedAt  when the request is made
 * @param supplyBy  the date to supply by (hạn bổ sung); null for the guidance at the counter, which has none
 */
public record SupplementRequestData(Issuer issuer, String dossierCode, Applicant applicant, String request,
                                    List<DocumentItem> items, String reason, String contact, String officer,
                                    OffsetDateTime issuedAt, LocalDate supplyBy) {
    public SupplementRequestData {
        items = List.copyOf(items);
    }
}
