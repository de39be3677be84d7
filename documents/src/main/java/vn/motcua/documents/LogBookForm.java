package vn.motcua.documents;

import java.util.ArrayList;
import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.r;

/** Form 07 of Circular 03/2025 (Mẫu số 07), Sổ theo dõi hồ sơ, on A4 landscape. */
public final class LogBookForm {
    public static final String NUMBER = "Mẫu số 07";
    public static final String TITLE = "SỔ THEO DÕI HỒ SƠ";
    private static final float FS = 11f;

    private LogBookForm() {
    }

    public static byte[] render(LogBookData d) {
        String book = "Quyển số: " + Forms.or(d.book()) + "     Từ ngày " + VnFormat.date(d.from()) + " đến ngày " + VnFormat.date(d.to());
        try (Pdf pdf = new Pdf(Pdf.A4_LANDSCAPE, 40, 30, 36, 40, TITLE + " " + Forms.or(d.book()), Forms.subject(NUMBER))) {
            pdf.nationalHeader(d.issuer(), null, Forms.dateLine(d.issuer(), d.issuedAt()), 11);
            // No QR code: a log book holds many dossiers, each row names its code.
            pdf.paragraph(14, Pdf.Align.CENTER, 0, b(TITLE));
            pdf.paragraph(FS, Pdf.Align.CENTER, 0, r(book));
            pdf.gap(6);
            List<List<String>> rows = new ArrayList<>();
            for (LogBookData.Entry e : d.entries()) {
                rows.add(List.of(String.valueOf(e.number()), e.dossierCode(), Forms.blank(e.procedure()),
                        String.valueOf(e.sets()), Forms.blank(e.applicant()), Forms.blank(e.addressAndPhone()),
                        Forms.blank(e.leadAgency()), VnFormat.date(e.receivedAt()), VnFormat.date(e.appointmentAt()),
                        VnFormat.date(e.transferredAt()), VnFormat.date(e.resolvedAt()), VnFormat.date(e.returnedAt()),
                        "", Forms.blank(e.note())));
            }
            pdf.table(new float[]{0.8f, 4.1f, 3.0f, 1f, 2.1f, 2.4f, 2.1f, 1.55f, 1.55f, 1.55f, 1.55f, 1.55f, 1.3f, 1.4f},
                    List.of("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)", "Tên cá nhân, tổ chức",
                            "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả",
                            "Chuyển hồ sơ đến cơ quan giải quyết", "Có kết quả giải quyết", "Trả kết quả", "Ký nhận", "Ghi chú"),
                    rows, FS - 2.5f, new Pdf.Align[]{Pdf.Align.CENTER, Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.CENTER,
                            Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.CENTER, Pdf.Align.CENTER,
                            Pdf.Align.CENTER, Pdf.Align.CENTER, Pdf.Align.CENTER, Pdf.Align.LEFT, Pdf.Align.LEFT});
            return pdf.finish();
        }
    }
}
