package vn.motcua.system.console;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import vn.motcua.system.Stack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's editing screens in a real browser, against intake's admin API: a unit's office hours edited in
 * the per-weekday table (counter1's unit, put back as they were afterwards), a procedure created and edited into a
 * second version, a day off added to 2031 and removed again. Each bad input comes back as a Vietnamese sentence beside
 * its field with what was typed still there; an officer without the admin role opens no administration page (a
 * sentence instead) and a post made by hand is refused.
 * <p>What a run creates in the catalogue stays: intake's catalogue has no deletion (procedure versions and agencies
 * are published as events that routing and result keep, and dossiers refer to them), so the test makes its records
 * unique per run ({@code RUN}) and harmless: the procedure is retired the day after its second version begins (until
 * then it is listed at the counter under its "Thử nghiệm:" name; no dossier is received on it), and the agency is
 * left inactive, offered nowhere. The office hours and the calendar day it edits are put back as they were.
 */
class AdminConsoleIT {
    static final String UNIT = "000.00.31.H29";
    static final String JUSTICE = "TUPHAP-BADINH";
    static final int YEAR = 2031;
    /** A Wednesday of 2031 no holiday falls on. */
    static final LocalDate DAY = LocalDate.of(YEAR, 6, 11);
    static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

    @Test
    void aUnitsOfficeHoursAreEditedPerWeekdayAndABadTimeIsSaidBesideItsCell() {
        JsonPath before = hours();
        try (Browser b = new Browser("admin1", Browser.COUNTER_SCREEN)) {
            b.signIn("admin1");
            b.open("/quan-tri/co-quan");
            b.find(By.cssSelector("a[href='/quan-tri/co-quan/don-vi/" + UNIT + "/gio-tiep-nhan']")).click();
            b.find(By.xpath("//h1[normalize-space()='Giờ tiếp nhận hồ sơ và trả kết quả']"));
            b.shot("gio-tiep-nhan");

            b.type("Thứ Hai, buổi 1, giờ mở cửa", "7h30");
            b.type("Thứ Bảy, buổi 1, giờ mở cửa", "07:30");
            b.type("Thứ Bảy, buổi 1, giờ đóng cửa", "11:30");
            b.click("Lưu giờ tiếp nhận");
            assertEquals("Thứ Hai, buổi 1, giờ mở cửa: giờ dạng HH:mm, ví dụ 07:30.",
                    b.find(By.id("MONDAY-err")).getText());
            assertEquals("7h30", b.field("Thứ Hai, buổi 1, giờ mở cửa").getAttribute("value"), "what was typed stays");
            assertEquals("07:30", b.field("Thứ Bảy, buổi 1, giờ mở cửa").getAttribute("value"));
            assertFalse(b.text().contains("{"), "a sentence, never JSON: " + b.text());
            assertEquals(before.getString("description"), hours().getString("description"), "nothing was saved");
            b.shot("gio-tiep-nhan-sai");

            b.type("Thứ Hai, buổi 1, giờ mở cửa", "07:30");
            b.type("Giờ chốt nhận hồ sơ trong ngày (HH:mm, để trống: giờ chung)", "15:30");
            b.click("Lưu giờ tiếp nhận");
            notice(b, "Đã lưu giờ tiếp nhận của đơn vị.");
            JsonPath after = hours();
            assertEquals("15:30", after.getString("cutoff"));
            assertTrue(after.getString("description").endsWith("Thứ Bảy: 07:30–11:30"), after.getString("description"));
            assertEquals("07:30", b.field("Thứ Bảy, buổi 1, giờ mở cửa").getAttribute("value"), "the table shows the saved hours");
            b.shot("gio-tiep-nhan-da-luu");
        } finally {
            if (before.getBoolean("own")) {
                Stack.as("admin1").contentType(ContentType.JSON)
                        .body(Map.of("days", before.getList("days"), "cutoff", before.getString("cutoff") == null ? "" : before.getString("cutoff")))
                        .put(Stack.INTAKE + "/api/units/" + UNIT + "/office-hours").then().statusCode(200);
            } else { // it kept the deployment's hours: back on them, not on a copy of them
                Stack.as("admin1").delete(Stack.INTAKE + "/api/units/" + UNIT + "/office-hours").then().statusCode(200);
            }
            assertEquals(before.getBoolean("own"), hours().getBoolean("own"));
            assertEquals(before.getString("description"), hours().getString("description"));
            assertEquals(before.getString("effectiveCutoff"), hours().getString("effectiveCutoff"));
        }
    }

    @Test
    void aProcedureIsCreatedEditedIntoASecondVersionGivenACommunesAgencyAndRetired() {
        String code = "TN-QT-" + RUN;
        try (Browser b = new Browser("admin1", Browser.COUNTER_SCREEN)) {
            b.signIn("admin1");
            b.open("/quan-tri");
            b.click("Thêm thủ tục");
            b.type("Mã thủ tục", code);
            b.type("Tên thủ tục", "Thử nghiệm: thủ tục do quản trị viên tạo");
            b.type("Lĩnh vực", "Thử nghiệm hệ thống");
            b.type("Cơ quan có thẩm quyền (mã)", JUSTICE);
            b.type("Thời hạn giải quyết", "5");
            b.type("Bước 1: giai đoạn", "1");
            b.type("Bước 1: mã bước", "giai-quyet");
            b.type("Bước 1: cơ quan thực hiện", JUSTICE);
            b.type("Bước 1: tên bước", "Giải quyết");
            b.type("Bước 1: thời gian", "9");
            b.type("Thành phần hồ sơ 1: tên giấy tờ", "Đơn đề nghị");
            b.type("Khoản phí, lệ phí 1: tên khoản", "Lệ phí");
            b.type("Khoản phí, lệ phí 1: số tiền", "50.000");
            b.shot("thu-tuc-moi");
            b.click("Tạo thủ tục");

            // nine working days of steps in a five-day procedure: intake's 422, said beside the steps
            assertTrue(b.find(By.id("steps-err")).getText().startsWith("Các bước xử lý: tổng thời gian các bước"),
                    b.find(By.id("steps-err")).getText());
            assertEquals("Thử nghiệm: thủ tục do quản trị viên tạo", b.field("Tên thủ tục").getAttribute("value"));
            assertEquals("9", b.field("Bước 1: thời gian").getAttribute("value"));
            assertFalse(b.text().contains("{"), b.text());
            assertEquals(404, Stack.as("admin1").get(Stack.INTAKE + "/api/procedures/" + code).statusCode(), "nothing was created");
            b.shot("thu-tuc-moi-sai");

            b.type("Bước 1: thời gian", "4");
            b.click("Tạo thủ tục");
            notice(b, "Đã tạo thủ tục (phiên bản 1).");
            b.click("Sửa thủ tục (tạo phiên bản mới từ phiên bản 1)");
            assertEquals("Đơn đề nghị", b.field("Thành phần hồ sơ 1: tên giấy tờ").getAttribute("value"), "the editor starts from version 1");
            b.type("Tên thủ tục", "Thử nghiệm: thủ tục đã sửa");
            b.type("Thành phần hồ sơ 2: tên giấy tờ", "Giấy tờ chứng minh");
            new Select(b.field("Thành phần hồ sơ 2: loại bản")).selectByVisibleText("Bản sao chứng thực");
            b.shot("phien-ban-moi");
            b.click("Công bố phiên bản mới");
            notice(b, "Đã công bố phiên bản mới của thủ tục.");
            b.shot("thu-tuc-hai-phien-ban");

            // territorial competence: a commune's own agency
            b.type("Mã xã, phường (5 chữ số)", "12");
            b.type("Cơ quan có thẩm quyền (mã)", JUSTICE);
            b.click("Lưu cơ quan của xã, phường");
            assertEquals("Mã xã, phường: gồm đúng 5 chữ số theo danh mục đơn vị hành chính, ví dụ 00004.",
                    b.find(By.id("commune-err")).getText());
            assertEquals(JUSTICE, b.field("Cơ quan có thẩm quyền (mã)").getAttribute("value"));
            b.type("Mã xã, phường (5 chữ số)", "00004");
            b.click("Lưu cơ quan của xã, phường");
            notice(b, "Đã lưu cơ quan có thẩm quyền của xã, phường.");
            b.find(By.xpath("//table[@id='areas']//td[normalize-space()='00004']"));

            // retirement: not on the day version 2 begins (intake's 422, beside the date), the day after
            LocalDate second = LocalDate.parse(Stack.as("admin1").get(Stack.INTAKE + "/api/procedures/" + code).then()
                    .statusCode(200).extract().path("versions[1].effectiveFrom"));
            java.time.format.DateTimeFormatter vn = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
            b.type("Thôi áp dụng từ ngày (ngày/tháng/năm)", second.format(vn));
            b.click("Thôi áp dụng thủ tục");
            assertEquals("Ngày thôi áp dụng: phải sau ngày hiệu lực của phiên bản 2 (" + second + ").",
                    b.find(By.id("effectiveTo-err")).getText());
            b.shot("thoi-ap-dung-sai");
            b.type("Thôi áp dụng từ ngày (ngày/tháng/năm)", second.plusDays(1).format(vn));
            b.click("Thôi áp dụng thủ tục");
            notice(b, "Đã đặt ngày thôi áp dụng thủ tục.");
            assertTrue(b.driver.findElements(By.id("effectiveTo")).isEmpty(), "a retired procedure offers no retirement");
            b.shot("thu-tuc-thoi-ap-dung");
        }
        assertEquals("00004", Stack.as("admin1").get(Stack.INTAKE + "/api/procedures/" + code + "/areas").then()
                .statusCode(200).extract().path("items[0].commune"));
        JsonPath procedure = Stack.as("admin1").get(Stack.INTAKE + "/api/procedures/" + code).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2), procedure.getList("versions.version"));
        assertEquals("Thử nghiệm: thủ tục đã sửa", procedure.getString("versions[1].name"));
        assertEquals(List.of("Đơn đề nghị", "Giấy tờ chứng minh"), procedure.getList("versions[1].documents.name"));
        assertEquals("CERTIFIED_COPY", procedure.getString("versions[1].documents[1].form"));
        assertEquals(4, procedure.getInt("versions[1].plan.stages[0].steps[0].share.value"));
        assertEquals(50000, procedure.getInt("versions[1].fees[0].amountVnd"));
        assertEquals(LocalDate.parse(procedure.getString("versions[1].effectiveFrom")).plusDays(1).toString(),
                procedure.getString("versions[1].effectiveTo"));
    }

    @Test
    void anAgencyIsCreatedAndEditedAndABadPhoneIsSaidBesideIt() {
        String code = "TN-CQ-" + RUN;
        try (Browser b = new Browser("admin1", Browser.COUNTER_SCREEN)) {
            b.signIn("admin1");
            b.open("/quan-tri/co-quan");
            b.click("Thêm cơ quan");
            b.type("Mã cơ quan", code);
            b.type("Tên", "Phòng thử nghiệm hệ thống");
            new Select(b.field("Cấp")).selectByVisibleText("Xã, phường");
            b.type("Điện thoại", "gọi bảo vệ");
            b.click("Lưu");
            assertEquals("Điện thoại: số điện thoại không hợp lệ (ví dụ 02437333333).", b.find(By.id("phone-err")).getText());
            assertEquals("Phòng thử nghiệm hệ thống", b.field("Tên").getAttribute("value"));
            assertEquals(404, Stack.as("admin1").get(Stack.INTAKE + "/api/agencies/" + code).statusCode(), "nothing was created");
            b.shot("co-quan-moi-sai");

            b.type("Điện thoại", "02437333333");
            b.click("Lưu");
            notice(b, "Đã lưu thông tin.");
            b.find(By.cssSelector("a[href='/quan-tri/co-quan/co-quan/" + code + "']")).click();
            assertEquals("true", b.field("Mã cơ quan").getAttribute("readonly"), "the code of a record is not edited");
            b.type("Tên", "Phòng thử nghiệm hệ thống (đã sửa)");
            b.field("Đang hoạt động").click();
            b.click("Lưu");
            notice(b, "Đã lưu thông tin.");
            b.shot("co-quan-da-sua");
        }
        JsonPath agency = Stack.as("admin1").get(Stack.INTAKE + "/api/agencies/" + code).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Phòng thử nghiệm hệ thống (đã sửa)", agency.getString("name"));
        assertEquals("COMMUNE", agency.getString("level"));
        assertEquals("02437333333", agency.getString("phone"));
        assertFalse(agency.getBoolean("active"));
    }

    @Test
    void aDayOffIsAddedToAFarYearAndRemovedAgain() {
        try (Browser b = new Browser("admin1", Browser.COUNTER_SCREEN)) {
            b.signIn("admin1");
            b.open("/quan-tri/lich?nam=" + YEAR);
            b.type("Ngày (ngày/tháng/năm)", "30/02/" + YEAR);
            b.type("Tên ngày", "Nghỉ thử nghiệm hệ thống");
            b.click("Thêm vào lịch");
            assertEquals("Ngày: không có ngày này; nhập dạng ngày/tháng/năm, ví dụ 02/09/" + YEAR + ".",
                    b.find(By.id("date-err")).getText());
            assertEquals("Nghỉ thử nghiệm hệ thống", b.field("Tên ngày").getAttribute("value"));
            b.shot("lich-ngay-sai");

            b.type("Ngày (ngày/tháng/năm)", "11/06/" + YEAR);
            b.click("Thêm vào lịch");
            notice(b, "Đã thêm ngày vào lịch làm việc.");
            b.find(By.xpath("//table[@id='calendar']//tr[td[normalize-space()='11/06/2031'] and td[normalize-space()='Nghỉ thử nghiệm hệ thống']]"));
            assertTrue(dayOff(), "intake counts 11/06/2031 as a day off");
            b.shot("lich-da-them");

            b.find(By.cssSelector("button[aria-label='Xóa ngày 11/06/2031']")).click();
            notice(b, "Đã xóa ngày khỏi lịch làm việc.");
            assertTrue(b.driver.findElements(By.xpath("//td[normalize-space()='11/06/2031']")).isEmpty());
            assertFalse(dayOff());
            b.shot("lich-da-xoa");
        } finally {
            if (dayOff()) {
                List<Map<String, Object>> kept = new ArrayList<>(entries().getList("$"));
                kept.removeIf(e -> DAY.toString().equals(e.get("date")));
                Stack.as("admin1").contentType(ContentType.JSON).body(Map.of("sources", List.of(), "entries", kept))
                        .put(Stack.INTAKE + "/api/calendar/years/" + YEAR).then().statusCode(200);
            }
        }
    }

    @Test
    void anOfficerWithoutTheAdminRoleReadsNoAdministrationPageAndCannotPostToOne() {
        try (Browser b = new Browser("counter1", Browser.COUNTER_SCREEN)) {
            b.signIn("counter1");
            assertTrue(b.driver.findElements(By.linkText("Lịch làm việc")).isEmpty(), "no administration menu");
            for (String page : List.of("/quan-tri", "/quan-tri/co-quan", "/quan-tri/lich?nam=" + YEAR)) {
                b.open(page);
                b.waitFor(() -> b.text().contains("Trang này chỉ dành cho quản trị viên; tài khoản của bạn không có quyền xem."));
                assertTrue(b.driver.findElements(By.tagName("form")).stream()
                        .noneMatch(f -> f.getAttribute("method").equalsIgnoreCase("post")), page + ": no edit form");
            }
            b.shot("quan-tri-khong-co-quyen");
            b.open("/quay/tiep-nhan?thu-tuc=LT-KS-TT-BHYT"); // a counter form, for the session's CSRF token
            // a post made by hand (the session's own CSRF token) is refused as well, and nothing is added
            var refused = b.postForm(Stack.CONSOLE + "/quan-tri/lich/" + YEAR + "/them", "csrf="
                    + b.find(By.name("csrf")).getAttribute("value") + "&date=11%2F06%2F" + YEAR + "&kind=DAY_OFF&name=x");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("không có quyền xem"), refused.body());
        }
        assertFalse(dayOff(), "nothing was added");
    }

    /** The sentence above the page: what a form did, or why a service refused it. */
    private static void notice(Browser b, String sentence) {
        b.find(By.xpath("//p[contains(@class,'notice') and normalize-space()='" + sentence + "']"));
    }

    private static JsonPath hours() {
        return Stack.as("admin1").get(Stack.INTAKE + "/api/units/" + UNIT + "/office-hours").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath entries() {
        return Stack.anonymous().queryParam("year", YEAR).get(Stack.INTAKE + "/api/calendar/holidays").then()
                .statusCode(200).extract().jsonPath();
    }

    private static boolean dayOff() {
        return entries().getList("date").contains(DAY.toString());
    }
}
