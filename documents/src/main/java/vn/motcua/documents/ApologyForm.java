package vn.motcua.documents;

import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.r;

/**
 * Form 04 (Mẫu số 04), Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, on A4 portrait:
 * the agency at fault apologises and gives the new return date.
 */
public final class ApologyForm {
    public static final String NUMBER = "Mẫu số 04";
    public static final String TITLE = "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT";
    private static final float FS = 12.5f;

    private ApologyForm() {
    }

    public static byte[] render(ApologyData d) {
        try (Pdf pdf = new Pdf(Pdf.A4, 70, 45, 50, 50, TITLE + " " + d.dossierCode(), Forms.subject(NUMBER))) {
            pdf.nationalHeader(d.issuer(), Forms.number(d.documentNumber()), Forms.dateLine(d.issuer(), d.issuedAt()), 12);
            pdf.titleWithQr(d.dossierCode(), 64, List.of(List.of(b(TITLE))), 14,
                    List.of(List.of(r("Mã hồ sơ: "), b(d.dossierCode()))), FS);
            pdf.paragraph(FS, Pdf.Align.CENTER, 0, r("Kính gửi: "), b(d.applicant().fullName()));
            pdf.gap(4);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Ngày " + VnFormat.date(d.receivedAt()) + ", Bộ phận Một cửa đã tiếp nhận hồ sơ mã số "),
                    b(d.dossierCode()), r(" của ông/bà về việc: " + d.request() + "; thời gian hẹn trả kết quả: "),
                    b(VnFormat.time(d.originalAppointmentAt())), r("."));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Đến nay, " + d.faultyAgency()
                    + " chưa trả kết quả giải quyết hồ sơ đúng hạn vì lý do: " + Forms.or(d.reason()) + "."));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của ông/bà. "
                    + d.faultyAgency() + " xin lỗi ông/bà và đề nghị gia hạn thời gian giải quyết; thời gian trả kết quả mới: "),
                    b(VnFormat.time(d.newAppointmentAt())), r("."));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Trân trọng."));
            pdf.gap(8);
            pdf.signatures(List.of(new Pdf.Signature("", null, null),
                    new Pdf.Signature(d.signerTitle(), "(Ký, ghi rõ họ tên và đóng dấu)", d.signerName())), FS, 56);
            return pdf.finish();
        }
    }
}
