package vn.motcua.documents;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptFormTest {
    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "missing «" + expected + "» in:\n" + text);
    }

    @Test
    void receiptOnOneA5PageWithEverythingTheFormAsks() throws Exception {
        byte[] bytes = ReceiptForm.render(Samples.receipt(5));
        try (PdfCheck pdf = new PdfCheck(bytes).save("01-receipt")) {
            String text = pdf.flatText();
            assertContains(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertContains(text, "Độc lập - Tự do - Hạnh phúc");
            assertContains(text, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH");
            assertContains(text, "Hà Nội, ngày 23 tháng 11 năm 2026");
            assertContains(text, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
            assertContains(text, "Mã hồ sơ: 000.00.31.H29-261123-0007");
            assertContains(text, "Ông/Bà: Nguyễn Thị Hường");
            assertContains(text, "Số điện thoại: 0912345678");
            assertContains(text, "Nội dung yêu cầu giải quyết: " + Samples.PROCEDURE);
            assertContains(text, "2 Giấy chứng sinh Bản sao chứng thực 2");
            assertContains(text, "3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc");
            // 02:05 UTC is 09:05 in Hà Nội; the JVM runs in UTC (surefire config).
            assertContains(text, "4. Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 23/11/2026");
            assertContains(text, "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 30/11/2026");
            assertContains(text, "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026 Số thứ tự: 0007");
            assertContains(text, "NGƯỜI NỘP HỒ SƠ");
            assertContains(text, "NGƯỜI TIẾP NHẬN HỒ SƠ");
            assertContains(text, "Trần Văn Bình");
            assertEquals(1, pdf.pages());
            pdf.assertPageSize(Pdf.A5);
            assertEquals(419.5, Pdf.A5.getWidth(), 0.5);
            assertEquals(595.3, Pdf.A5.getHeight(), 0.5);
            assertEquals(3, pdf.assertFontsEmbedded().size());
            assertEquals(Samples.CODE, pdf.decodeQr());
            assertTrue(bytes.length < 80_000, "subset fonts keep a receipt small: " + bytes.length);
        }
    }

    @Test
    void theReceiptPrintsThePinAndItsQrCodeOpensTheCitizensPageWithCodeAndPin() throws Exception {
        ReceiptData b = Samples.receipt(2);
        String url = "https://dichvucong.example.vn/tra-cuu?code=" + b.dossierCode() + "&pin=042917";
        ReceiptData data = new ReceiptData(b.issuer(), b.dossierCode(), b.applicant(), b.request(), b.documents(), 3,
                b.statutoryTime(), b.receivedAt(), b.appointmentAt(),
                "Qua dịch vụ bưu chính công ích, đến địa chỉ: 12 phố Phúc Xá, phường Ba Đình, Hà Nội", b.logBook(),
                b.entryNumber(), b.receivedBy(), url, "042917");
        try (PdfCheck pdf = new PdfCheck(ReceiptForm.render(data)).save("01-receipt-pin")) {
            assertEquals(url, pdf.decodeQr());
            String text = pdf.flatText();
            assertContains(text, "Mã tra cứu (PIN): 042917");
            assertContains(text, "2. Số lượng hồ sơ: 03 (bộ)");
            assertContains(text, "6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích, đến địa chỉ: 12 phố Phúc Xá");
        }
    }

    @Test
    void aReprintWithoutThePinLeavesDotsToWriteItIn() throws Exception {
        try (PdfCheck pdf = new PdfCheck(ReceiptForm.render(Samples.receipt(1)))) {
            assertContains(pdf.flatText(), "Mã tra cứu (PIN): ……………");
        }
    }

    @Test
    void longDocumentListContinuesOnASecondPageWithTheTableHeaderAgain() throws Exception {
        try (PdfCheck pdf = new PdfCheck(ReceiptForm.render(Samples.receipt(40))).save("01-receipt-long")) {
            assertTrue(pdf.pages() >= 2, "pages: " + pdf.pages());
            String text = pdf.flatText();
            for (int k = 6; k <= 40; k++) {
                assertContains(text, k + " Giấy tờ kèm theo số " + k + " ");
            }
            assertContains(pdf.text(2, 2), "Tên giấy tờ");
            assertContains(text, "Trang 1/" + pdf.pages());
            assertContains(text, "NGƯỜI TIẾP NHẬN HỒ SƠ");
            pdf.assertPageSize(Pdf.A5);
            pdf.assertFontsEmbedded();
            assertEquals(Samples.CODE, pdf.decodeQr());
        }
    }

    @Test
    void decomposedDiacriticsAreComposedAndGlyphlessCharactersBecomeQuestionMarks() throws Exception {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD);
        ReceiptData base = Samples.receipt(1);
        ReceiptData data = new ReceiptData(base.issuer(), base.dossierCode(),
                new Applicant(decomposed + " 王", "Số 1\tĐội Cấn", null, null), base.request(), base.documents(), 1,
                base.statutoryTime(), base.receivedAt(), base.appointmentAt(), null, null, "0007", null);
        try (PdfCheck pdf = new PdfCheck(ReceiptForm.render(data))) {
            String text = pdf.flatText();
            assertContains(text, "Ông/Bà: Nguyễn Thị Hường ?");
            assertContains(text, "Địa chỉ: Số 1 Đội Cấn");
            assertContains(text, "Số điện thoại: ……………");
            assertFalse(text.contains("王"));
        }
    }
}
