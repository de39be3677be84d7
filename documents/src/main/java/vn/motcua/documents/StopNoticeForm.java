package vn.motcua.documents;

import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.r;

/** Form 05 of Circular 03/2025 (Mẫu số 05), Thông báo dừng giải quyết hồ sơ, on A4 portrait. */
public final class StopNoticeForm {
    public static final String NUMBER = "Mẫu số 05";
    public static final String TITLE = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ";
    private static final float FS = 12.5f;

    private StopNoticeForm() {
    }

    public static byte[] render(StopNoticeData d) {
        try (Pdf pdf = new Pdf(Pdf.A4, 70, 45, 50, 50, TITLE + " " + d.dossierCode(), Forms.subject(NUMBER))) {
            pdf.nationalHeader(d.issuer(), Forms.number(d.documentNumber()), Forms.dateLine(d.issuer(), d.issuedAt()), 12);
            pdf.titleWithQr(d.dossierCode(), 64, List.of(List.of(b(TITLE))), 14,
                    List.of(List.of(r("Mã hồ sơ: "), b(d.dossierCode()))), FS);
            pdf.paragraph(FS, Pdf.Align.CENTER, 0, r("Kính gửi: "), b(d.applicant().fullName()));
            pdf.gap(4);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Ngày " + VnFormat.date(d.receivedAt()) + ", " + d.issuer().name()
                    + " đã tiếp nhận hồ sơ mã số "), b(d.dossierCode()), r(" của ông/bà về việc: " + d.request() + "."));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Căn cứ " + d.legalBasis() + ";"));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r(d.issuer().name() + " thông báo dừng giải quyết hồ sơ nêu trên vì lý do: "),
                    b(Forms.or(d.reason())), r("."));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Hồ sơ và các giấy tờ kèm theo (nếu có) được trả lại cho ông/bà tại Bộ phận Một cửa."));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Xin thông báo để ông/bà được biết."));
            pdf.gap(8);
            pdf.signatures(List.of(new Pdf.Signature("", null, null),
                    new Pdf.Signature(d.signerTitle(), "(Ký, ghi rõ họ tên và đóng dấu)", d.signerName())), FS, 56);
            return pdf.finish();
        }
    }
}
