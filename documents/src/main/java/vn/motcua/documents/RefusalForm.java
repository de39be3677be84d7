package vn.motcua.documents;

import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.r;

/** Form 03 (Mẫu số 03), Phiếu từ chối tiếp nhận giải quyết hồ sơ, on A4 portrait. */
public final class RefusalForm {
    public static final String NUMBER = "Mẫu số 03";
    public static final String TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ";
    private static final float FS = 10f;

    private RefusalForm() {
    }

    public static byte[] render(RefusalData d) {
        String code = d.dossierCode() == null || d.dossierCode().isBlank() ? null : d.dossierCode();
        try (Pdf pdf = new Pdf(Pdf.A5, 40, 28, 26, 32, TITLE + (code == null ? "" : " " + code), Forms.subject(NUMBER))) {
            pdf.nationalHeader(d.issuer(), null, Forms.dateLine(d.issuer(), d.issuedAt()), 9f);
            pdf.formTitle(code, 54, TITLE, 12, FS);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r(d.issuer().name() + " tiếp nhận hồ sơ của:"));
            Forms.applicant(pdf, d.applicant(), FS);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Nội dung yêu cầu giải quyết: "), b(d.request()));
            pdf.gap(4);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, " + d.issuer().name()
                    + " từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau:"));
            int n = 1;
            for (String reason : d.reasons()) {
                pdf.paragraph(FS, Pdf.Align.LEFT, 14, r(n++ + ". " + reason));
            }
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Xin thông báo để ông/bà được biết và thực hiện."));
            pdf.gap(8);
            pdf.signatures(List.of(new Pdf.Signature("", null, null),
                    new Pdf.Signature("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", d.officer())), FS, 50);
            return pdf.finish();
        }
    }
}
