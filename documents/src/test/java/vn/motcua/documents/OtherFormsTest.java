package vn.motcua.documents;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.documents.ReceiptFormTest.assertContains;

class OtherFormsTest {
    static void common(PdfCheck pdf, String title) {
        String text = pdf.flatText();
        assertContains(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertContains(text, "Độc lập - Tự do - Hạnh phúc");
        assertContains(text, "UBND PHƯỜNG BA ĐÌNH");
        assertContains(text, "Hà Nội, ngày 01 tháng 12 năm 2026");
        assertContains(text, title);
        assertContains(text, "Mã hồ sơ: " + Samples.CODE);
        pdf.assertFontsEmbedded();
        assertEquals(Samples.CODE, pdf.decodeQr());
    }

    @Test
    void supplementRequest() throws Exception {
        try (PdfCheck pdf = new PdfCheck(SupplementRequestForm.render(Samples.supplement())).save("02-supplement")) {
            common(pdf, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
            String text = pdf.flatText();
            assertContains(text, "Ông/Bà: Nguyễn Thị Hường");
            assertContains(text, "1 Giấy chứng sinh Bản chính 1 Bản đã nộp bị mờ, không đọc được họ tên người mẹ");
            assertContains(text, "Lý do: Hồ sơ chưa đầy đủ thành phần theo quy định.");
            assertContains(text, "Hạn bổ sung: trước ngày 15/12/2026");
            assertContains(text, "NGƯỜI HƯỚNG DẪN");
            pdf.assertPageSize(Pdf.A5);
            assertEquals(1, pdf.pages());
        }
    }

    @Test
    void refusal() throws Exception {
        try (PdfCheck pdf = new PdfCheck(RefusalForm.render(Samples.refusal())).save("03-refusal")) {
            common(pdf, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
            String text = pdf.flatText();
            assertContains(text, "1. Trẻ em đã được đăng ký khai sinh tại Ủy ban nhân dân xã Đông Anh.");
            assertContains(text, "2. Người yêu cầu không phải cha, mẹ hoặc người được ủy quyền.");
            pdf.assertPageSize(Pdf.A5);
        }
    }

    @Test
    void refusalWithoutCodeHasNoQr() throws Exception {
        RefusalData r = Samples.refusal();
        RefusalData noCode = new RefusalData(r.issuer(), null, r.applicant(), r.request(), r.reasons(), r.officer(), r.issuedAt());
        try (PdfCheck pdf = new PdfCheck(RefusalForm.render(noCode))) {
            assertContains(pdf.flatText(), "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
            assertTrue(!pdf.flatText().contains("Mã hồ sơ"));
        }
    }

    @Test
    void apologyAndExtension() throws Exception {
        try (PdfCheck pdf = new PdfCheck(ApologyForm.render(Samples.apology())).save("04-apology")) {
            common(pdf, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
            String text = pdf.flatText();
            assertContains(text, "Số: 15/TB-TTPVHCC");
            assertContains(text, "Kính gửi: Nguyễn Thị Hường");
            assertContains(text, "Ngày 23/11/2026, Bộ phận Một cửa đã tiếp nhận hồ sơ mã số " + Samples.CODE);
            assertContains(text, "thời gian hẹn trả kết quả: 16 giờ 30 phút, ngày 30/11/2026");
            assertContains(text, "thời gian trả kết quả mới: 10 giờ 00 phút, ngày 04/12/2026");
            assertContains(text, "GIÁM ĐỐC");
            assertContains(text, "Lê Thị Mai");
            pdf.assertPageSize(Pdf.A4);
        }
    }

    @Test
    void stopNotice() throws Exception {
        try (PdfCheck pdf = new PdfCheck(StopNoticeForm.render(Samples.stop())).save("05-stop")) {
            common(pdf, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
            String text = pdf.flatText();
            assertContains(text, "Số: 16/TB-TTPVHCC");
            assertContains(text, "Căn cứ Nghị định số 118/2025/NĐ-CP;");
            assertContains(text, "vì lý do: người yêu cầu đã có văn bản xin rút hồ sơ.");
            pdf.assertPageSize(Pdf.A4);
        }
    }

    @Test
    void anApologyIsNotIssuedWithoutTheHeadWhoSignsIt() {
        ApologyData a = Samples.apology();
        assertThrows(IllegalArgumentException.class, () -> new ApologyData(a.issuer(), a.documentNumber(), a.dossierCode(),
                a.applicant(), a.request(), a.receivedAt(), a.originalAppointmentAt(), a.faultyAgency(), a.reason(),
                a.newAppointmentAt(), a.signerTitle(), " ", a.issuedAt()));
        assertThrows(IllegalArgumentException.class, () -> new ApologyData(a.issuer(), a.documentNumber(), a.dossierCode(),
                a.applicant(), a.request(), a.receivedAt(), a.originalAppointmentAt(), a.faultyAgency(), a.reason(),
                a.newAppointmentAt(), null, a.signerName(), a.issuedAt()));
    }

    @Test
    void aStopNoticeHasItsNumberAndLegalBasis() {
        StopNoticeData s = Samples.stop();
        assertThrows(IllegalArgumentException.class, () -> new StopNoticeData(s.issuer(), null, s.dossierCode(),
                s.applicant(), s.request(), s.receivedAt(), s.reason(), s.legalBasis(), s.signerTitle(), s.signerName(),
                s.issuedAt()));
        assertThrows(IllegalArgumentException.class, () -> new StopNoticeData(s.issuer(), s.documentNumber(),
                s.dossierCode(), s.applicant(), s.request(), s.receivedAt(), s.reason(), "", s.signerTitle(),
                s.signerName(), s.issuedAt()));
    }

    @Test
    void controlSheetRowsFlowOverPagesWithoutLoss() throws Exception {
        try (PdfCheck pdf = new PdfCheck(ControlSheetForm.render(Samples.controlSheet(45))).save("06-control-sheet")) {
            common(pdf, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
            assertTrue(pdf.pages() >= 2, "pages: " + pdf.pages());
            String text = pdf.flatText();
            assertContains(text, "Ngày nhận hồ sơ: 09 giờ 05 phút, ngày 23/11/2026");
            assertContains(text, "1 Giao: Bộ phận Một cửa Nhận: Cơ quan bước 1 10 giờ 05 phút, ngày 23/11/2026 Người giao 1 Người nhận 1 Đúng hạn");
            for (int k = 1; k <= 45; k++) {
                assertContains(text, " Người giao " + k + " Người nhận " + k + " ");
            }
            assertContains(pdf.text(pdf.pages(), pdf.pages()).replaceAll("\\s+", " "), "Thời gian giao, nhận hồ sơ");
            pdf.assertPageSize(Pdf.A4_LANDSCAPE);
        }
    }

    @Test
    void logBookRowsFlowOverPagesWithoutLoss() throws Exception {
        try (PdfCheck pdf = new PdfCheck(LogBookForm.render(Samples.logBook(60))).save("07-log-book")) {
            String text = pdf.flatText();
            assertContains(text, "SỔ THEO DÕI HỒ SƠ");
            assertContains(text, "Quyển số: 01/2026 Từ ngày 23/11/2026 đến ngày 30/11/2026");
            assertTrue(pdf.pages() >= 2, "pages: " + pdf.pages());
            for (int k = 1; k <= 60; k++) {
                assertContains(text, " " + k + " 000.00.31.H29-261123-%04d ".formatted(k));
                assertContains(text, "Người nộp số " + k + " ");
            }
            assertContains(pdf.text(2, 2).replaceAll("\\s+", " "), "Cơ quan chủ trì giải quyết");
            pdf.assertPageSize(Pdf.A4_LANDSCAPE);
            pdf.assertFontsEmbedded();
        }
    }
}
