package vn.motcua.documents;

import java.util.ArrayList;
import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.r;

/** Form 02 (Mẫu số 02), Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, on A4 portrait. */
public final class SupplementRequestForm {
    public static final String NUMBER = "Mẫu số 02";
    public static final String TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ";
    private static final float FS = 10f;

    private SupplementRequestForm() {
    }

    public static byte[] render(SupplementRequestData d) {
        String code = d.dossierCode() == null || d.dossierCode().isBlank() ? null : d.dossierCode();
        try (Pdf pdf = new Pdf(Pdf.A5, 40, 28, 26, 32, TITLE + (code == null ? "" : " " + code), Forms.subject(NUMBER))) {
            pdf.nationalHeader(d.issuer(), null, Forms.dateLine(d.issuer(), d.issuedAt()), 9f);
            pdf.formTitle(code, 54, TITLE, 12, FS);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Hồ sơ của:"));
            Forms.applicant(pdf, d.applicant(), FS);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Nội dung yêu cầu giải quyết: "), b(d.request()));
            pdf.gap(4);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Yêu cầu ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"));
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (DocumentItem item : d.items()) {
                rows.add(List.of(String.valueOf(n++), item.name(), item.form(),
                        item.copies() > 0 ? String.valueOf(item.copies()) : "", Forms.blank(item.note())));
            }
            pdf.table(new float[]{0.9f, 4.0f, 2.2f, 1f, 4.2f},
                    List.of("STT", "Tên giấy tờ", "Hình thức", "Số bản", "Nội dung cần bổ sung, hoàn thiện"),
                    rows, FS - 1.5f, new Pdf.Align[]{Pdf.Align.CENTER, Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.CENTER, Pdf.Align.LEFT});
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Lý do: " + Forms.or(d.reason())));
            if (d.supplyBy() != null) {
                pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Hạn bổ sung: "), b("trước ngày "
                        + d.supplyBy().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                        r(". Quá hạn mà không bổ sung, hồ sơ được giải quyết theo quy định của thủ tục."));
            }
            if (d.contact() != null && !d.contact().isBlank()) {
                pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ "
                        + d.contact() + " để được hướng dẫn."));
            }
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Mã hồ sơ được giữ nguyên khi ông/bà nộp bổ sung; thời gian giải quyết "
                    + "được tính lại từ khi nhận đủ hồ sơ theo quy định."));
            pdf.gap(8);
            pdf.signatures(List.of(new Pdf.Signature("", null, null),
                    new Pdf.Signature("Người hướng dẫn", "(Ký và ghi rõ họ tên)", d.officer())), FS, 50);
            return pdf.finish();
        }
    }
}
