package vn.motcua.documents;

import java.util.ArrayList;
import java.util.List;

import static vn.motcua.documents.Pdf.b;
import static vn.motcua.documents.Pdf.i;
import static vn.motcua.documents.Pdf.r;

/** Form 01 (Mẫu số 01), Giấy tiếp nhận hồ sơ và hẹn trả kết quả, on A5 portrait. */
public final class ReceiptForm {
    public static final String NUMBER = "Mẫu số 01";
    public static final String TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
    private static final float FS = 10f;

    private ReceiptForm() {
    }

    public static byte[] render(ReceiptData d) {
        try (Pdf pdf = new Pdf(Pdf.A5, 40, 28, 26, 32, TITLE + " " + d.dossierCode(), Forms.subject(NUMBER))) {
            pdf.nationalHeader(d.issuer(), null,
                    Forms.dateLine(d.issuer(), d.receivedAt()), 9f);
            pdf.titleWithQr(d.qrText(), 72, List.of(List.of(b(TITLE))), 12,
                    List.of(List.of(r("Mã hồ sơ: "), b(d.dossierCode())),
                            List.of(r("Mã tra cứu (PIN): "), b(Forms.or(d.lookupPin())))), FS);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r(d.issuer().name() + " tiếp nhận hồ sơ của:"));
            Forms.applicant(pdf, d.applicant(), FS);
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Nội dung yêu cầu giải quyết: "), b(d.request()));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("1. Thành phần hồ sơ nộp gồm:"));
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (DocumentItem doc : d.documents()) {
                rows.add(List.of(String.valueOf(n++), doc.name(), doc.form(), String.valueOf(doc.copies())));
            }
            pdf.table(new float[]{0.8f, 5.2f, 2.6f, 1.1f}, List.of("STT", "Tên giấy tờ", "Hình thức", "Số bản"),
                    rows, FS - 1, new Pdf.Align[]{Pdf.Align.CENTER, Pdf.Align.LEFT, Pdf.Align.LEFT, Pdf.Align.CENTER});
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("2. Số lượng hồ sơ: "), b("%02d".formatted(d.sets())), r(" (bộ)"));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("3. Thời gian giải quyết hồ sơ theo quy định là: "), b(d.statutoryTime()));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("4. Thời gian nhận hồ sơ: "), b(VnFormat.time(d.receivedAt())));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("5. Thời gian trả kết quả giải quyết hồ sơ: "), b(VnFormat.time(d.appointmentAt())));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("6. Đăng ký nhận kết quả tại: "), r(Forms.or(d.collectAt())));
            pdf.paragraph(FS, Pdf.Align.LEFT, 0, r("Vào Sổ theo dõi hồ sơ, Quyển số: " + Forms.or(d.logBook())
                    + "   Số thứ tự: "), b(Forms.or(d.entryNumber())));
            pdf.gap(6);
            pdf.signatures(List.of(
                    new Pdf.Signature("Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", d.applicant().fullName()),
                    new Pdf.Signature("Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", d.receivedBy())), FS, 30);
            pdf.paragraph(8.5f, Pdf.Align.LEFT, 0, b("Ghi chú:"));
            pdf.paragraph(8.5f, Pdf.Align.LEFT, 0, i("- Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; "
                    + "một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận Một cửa; "
                    + "một liên giao cho cá nhân, tổ chức nộp hồ sơ."));
            pdf.paragraph(8.5f, Pdf.Align.LEFT, 0, i("- Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (PIN), "
                    + "hoặc quét mã QR trên giấy này; không cho người khác biết mã tra cứu."));
            return pdf.finish();
        }
    }
}
