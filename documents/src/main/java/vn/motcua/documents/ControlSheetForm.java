package vn.motcua.documents;

import java.util.ArrayList;
import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.r;

/** Form 06 of Circular 03/2025 (Mẫu số 06), Phiếu kiểm soát quá trình giải quyết hồ sơ, on A4 landscape. */
public final class ControlSheetForm {
    public static final String NUMBER = "Mẫu số 06";
    public static final String TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";
    private static final float FS = 11.5f;

    private ControlSheetForm() {
    }

    public static byte[] render(ControlSheetData d) {
        try (Pdf pdf = new Pdf(Pdf.A4_LANDSCAPE, 56, 40, 40, 40, TITLE + " " + d.dossierCode(), Forms.subject(NUMBER))) {
            pdf.nationalHeader(d.issuer(), null, Forms.dateLine(d.issuer(), d.issuedAt()), 11.5f);
            pdf.titleWithQr(d.dossierCode(), 60, List.of(List.of(b(TITLE))), 14,
                    List.of(List.of(r("Mã hồ sơ: "), b(d.dossierCode())),
                            List.of(r("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)"))), FS);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Kèm theo hồ sơ của: "), b(d.applicant().fullName()),
                    r("     Số điện thoại: " + Forms.or(d.applicant().phone())));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Nội dung yêu cầu giải quyết: " + d.request()));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Ngày nhận hồ sơ: "), b(VnFormat.time(d.receivedAt())),
                    r("     Ngày hẹn trả kết quả: "), b(VnFormat.time(d.appointmentAt())));
            pdf.gap(4);
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (ControlSheetData.Handover h : d.handovers()) {
                rows.add(List.of(String.valueOf(n++), "Giao: " + h.from() + "\nNhận: " + h.to(), VnFormat.time(h.at()),
                        Forms.blank(h.giver()), Forms.blank(h.receiver()), Forms.blank(h.result()),
                        VnFormat.time(h.latestReturn()), Forms.blank(h.note())));
            }
            pdf.table(new float[]{0.6f, 4.6f, 2.3f, 1.9f, 1.9f, 2.1f, 2.3f, 1.8f},
                    List.of("STT", "Tên cơ quan, bộ phận giao, nhận", "Thời gian giao, nhận hồ sơ", "Người giao",
                            "Người nhận", "Kết quả giải quyết hồ sơ (trước hạn/ đúng hạn/ quá hạn)", "Trả về chậm nhất", "Ghi chú"),
                    rows, FS - 1.5f, new Pdf.Align[]{Pdf.Align.CENTER, Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.LEFT,
                            Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.LEFT});
            pdf.paragraph(FS - 2, Pdf.Align.LEFT, 0, Pdf.i("Mỗi lần giao, nhận hồ sơ, người giao và người nhận ký vào phiếu; "
                    + "phiếu đi kèm hồ sơ đến khi trả kết quả."));
            return pdf.finish();
        }
    }
}
