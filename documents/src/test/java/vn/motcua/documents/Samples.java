package vn.motcua.documents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Test data shared by the form tests. */
final class Samples {
    static final String CODE = "000.00.31.H29-261123-0007";
    static final Issuer ISSUER = new Issuer("UBND phường Ba Đình", "Trung tâm Phục vụ hành chính công phường Ba Đình", "Hà Nội");
    static final Applicant APPLICANT = new Applicant("Nguyễn Thị Hường", "12 phố Phúc Xá, phường Ba Đình, Hà Nội",
            "0912345678", "huong.nguyen@example.vn");
    static final String PROCEDURE = "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi";
    /** 09:05 in Hà Nội, 02:05 UTC. */
    static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-23T02:05:00Z");
    static final OffsetDateTime DUE = OffsetDateTime.parse("2026-11-30T16:30:00+07:00");

    private Samples() {
    }

    static ReceiptData receipt(int documents) {
        List<DocumentItem> docs = new ArrayList<>();
        String[] names = {"Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Tờ khai thay đổi thông tin cư trú",
                "Giấy tờ chứng minh chỗ ở hợp pháp", "Tờ khai tham gia bảo hiểm y tế"};
        for (int k = 0; k < documents; k++) {
            docs.add(new DocumentItem(k < names.length ? names[k] : "Giấy tờ kèm theo số " + (k + 1),
                    k % 2 == 0 ? "Bản chính" : "Bản sao chứng thực", 1 + k % 3));
        }
        return new ReceiptData(ISSUER, CODE, APPLICANT, PROCEDURE, docs, 1, "10 ngày làm việc",
                RECEIVED, DUE, "Trung tâm Phục vụ hành chính công phường Ba Đình, 25 Đội Cấn, phường Ba Đình, Hà Nội",
                "01/2026", "0007", "Trần Văn Bình");
    }

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T08:30:00+07:00");

    static SupplementRequestData supplement() {
        return new SupplementRequestData(ISSUER, CODE, APPLICANT, PROCEDURE,
                List.of(new DocumentItem("Giấy chứng sinh", "Bản chính", 1, "Bản đã nộp bị mờ, không đọc được họ tên người mẹ"),
                        new DocumentItem("Giấy tờ chứng minh chỗ ở hợp pháp", "Bản sao chứng thực", 1, "Chưa nộp")),
                "Hồ sơ chưa đầy đủ thành phần theo quy định.", "Trung tâm Phục vụ hành chính công phường Ba Đình, số điện thoại 02437333333",
                "Trần Văn Bình", NOW, java.time.LocalDate.of(2026, 12, 15));
    }

    static RefusalData refusal() {
        return new RefusalData(ISSUER, CODE, APPLICANT, PROCEDURE,
                List.of("Trẻ em đã được đăng ký khai sinh tại Ủy ban nhân dân xã Đông Anh.",
                        "Người yêu cầu không phải cha, mẹ hoặc người được ủy quyền."), "Trần Văn Bình", NOW);
    }

    static ApologyData apology() {
        return new ApologyData(ISSUER, "15/TB-TTPVHCC", CODE, APPLICANT, PROCEDURE, RECEIVED, DUE,
                "UBND phường Ba Đình — Tư pháp, hộ tịch", "phải xác minh nơi cư trú của người mẹ",
                OffsetDateTime.parse("2026-12-04T10:00:00+07:00"), "Giám đốc", "Lê Thị Mai", NOW);
    }

    static StopNoticeData stop() {
        return new StopNoticeData(ISSUER, "16/TB-TTPVHCC", CODE, APPLICANT, PROCEDURE, RECEIVED,
                "người yêu cầu đã có văn bản xin rút hồ sơ", "Nghị định số 118/2025/NĐ-CP", "Giám đốc", "Lê Thị Mai", NOW);
    }

    static ControlSheetData controlSheet(int handovers) {
        List<ControlSheetData.Handover> rows = new ArrayList<>();
        for (int k = 1; k <= handovers; k++) {
            rows.add(new ControlSheetData.Handover(k == 1 ? "Bộ phận Một cửa" : "Cơ quan bước " + (k - 1),
                    "Cơ quan bước " + k, RECEIVED.plusHours(k), "Người giao " + k, "Người nhận " + k,
                    k % 3 == 0 ? "Quá hạn" : "Đúng hạn", DUE, k == 1 ? "Chuyển liên thông" : null));
        }
        return new ControlSheetData(ISSUER, CODE, APPLICANT, PROCEDURE, RECEIVED, DUE, rows, NOW);
    }

    static LogBookData logBook(int entries) {
        List<LogBookData.Entry> rows = new ArrayList<>();
        for (int k = 1; k <= entries; k++) {
            rows.add(new LogBookData.Entry(k, "000.00.31.H29-261123-%04d".formatted(k), PROCEDURE, 1,
                    "Người nộp số " + k, "Số " + k + " phố Đội Cấn, Ba Đình, 09123456" + "%02d".formatted(k % 100),
                    "UBND phường Ba Đình", RECEIVED, DUE, RECEIVED.plusHours(2), k % 2 == 0 ? DUE.minusDays(1) : null,
                    k % 4 == 0 ? DUE : null, null));
        }
        return new LogBookData(ISSUER, "01/2026", RECEIVED.toLocalDate(), DUE.toLocalDate(), rows, NOW);
    }
}
