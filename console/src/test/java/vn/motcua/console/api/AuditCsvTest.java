package vn.motcua.console.api;

import org.junit.jupiter.api.Test;
import vn.motcua.console.client.AuditApi;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The access log's CSV download: what the page's table shows, readable by Excel, not runnable as formulas. */
class AuditCsvTest {

    @Test
    void theFileStartsWithAByteOrderMarkAndHasThePagesColumnsInVietnamTime() {
        AuditResource.Log log = new AuditResource.Log(List.of(new AuditResource.Reading("Tiếp nhận (intake)",
                new AuditApi.Access(OffsetDateTime.parse("2026-12-05T03:04:05Z"), "tuphap1", "HS-2026-000001",
                        "GET /api/dossiers/{code}"))), List.of(), true);

        String csv = AuditResource.csv(log);

        assertEquals('\uFEFF', csv.charAt(0));
        assertEquals("Thời điểm (giờ Việt Nam),Cán bộ,Mã hồ sơ,Dịch vụ,Chức năng đã gọi\r\n"
                + "2026-12-05 10:04:05,tuphap1,HS-2026-000001,Tiếp nhận (intake),GET /api/dossiers/{code}\r\n", csv.substring(1));
    }

    @Test
    void cellsAreQuotedWhenNeededAndNeverStartAFormula() {
        AuditResource.Log log = new AuditResource.Log(List.of(new AuditResource.Reading("Luân chuyển, xử lý (routing)",
                new AuditApi.Access(OffsetDateTime.parse("2026-12-05T03:04:05Z"), "=HYPERLINK(\"x\")", null, "GET /a"))),
                List.of(), true);

        assertEquals("2026-12-05 10:04:05,\"'=HYPERLINK(\"\"x\"\")\",,\"Luân chuyển, xử lý (routing)\",GET /a\r\n",
                AuditResource.csv(log).lines().skip(1).findFirst().orElseThrow() + "\r\n");
    }

    @Test
    void aServiceThatRefusedIsALineWithItsSentence() {
        AuditResource.Log log = new AuditResource.Log(List.of(),
                List.of(new AuditResource.Answer<>("Thông báo (notification)", null, "Dịch vụ tạm thời không trả lời.")), true);

        assertEquals(",,,Thông báo (notification),Không đọc được nhật ký: Dịch vụ tạm thời không trả lời.",
                AuditResource.csv(log).lines().skip(1).findFirst().orElseThrow());
    }
}
