package vn.motcua.documents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Form 06 of Circular 03/2025 (05 of Circular 01/2018), Phiếu kiểm soát quá trình giải quyết hồ sơ:
 * one row per handover of the dossier.
 */
public record ControlSheetData(Issuer issuer, String dossierCode, Applicant applicant, String request,
                               OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                               List<Handover> handovers, OffsetDateTime issuedAt) {
    public ControlSheetData {
        handovers = List.copyOf(handovers);
    }

    /**
     * One handover (giao / nhận).
     *
     * @param from        the party handing over, e.g. "Bộ phận Một cửa"
     * @param to          the party receiving, e.g. "UBND phường Ba Đình — Tư pháp, hộ tịch"
     * @param giver       who handed over (name)
     * @param receiver    who received (name)
     * @param result      the step's result, e.g. "Đúng hạn"; may be null while pending
     * @param latestReturn trả về chậm nhất: when this party must hand back; may be null
     */
    public record Handover(String from, String to, OffsetDateTime at, String giver, String receiver,
                           String result, OffsetDateTime latestReturn, String note) {
    }
}
