package vn.motcua.system.console;

import io.restassured.RestAssured;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.motcua.system.Stack;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newborn journey through the console in a real browser, by clicking as people would: counter1 finds the
 * procedure without diacritics, ticks the checklist, receives and prints Form 01; tuphap1 claims and completes;
 * congan1 (after failing to open the justice office's task by its URL) and bhxh1 complete; counter1 hands the
 * result back; the citizen opens the lookup URL on a phone and rates; supervisor1 sees the counts move.
 * Screenshots of every screen: system-tests/target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyIT {
    static final String CITIZEN_ID = "001090012345";
    static String code;
    static String pin;
    static String justiceTaskPath;
    static long returnedBefore;
    static long ratingsBefore;

    @Test
    @Order(0)
    void officersPagesNeedSignInAndTheCitizensPageDoesNot() {
        for (String path : List.of("/", "/quay", "/quay/thu-tuc", "/quay/ho-so/X/giay-tiep-nhan.pdf", "/xu-ly",
                "/xu-ly/viec/00000000-0000-0000-0000-000000000000", "/xu-ly/ho-so/X/phieu-kiem-soat.pdf", "/giam-sat",
                "/giam-sat/so-theo-doi", "/quan-tri", "/quan-tri/lich")) {
            var response = RestAssured.given().redirects().follow(false).get(Stack.CONSOLE + path);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.header("Location").startsWith(Stack.KEYCLOAK + "/realms/motcua/protocol/openid-connect/auth"),
                    path + " → " + response.header("Location"));
        }
        var lookup = RestAssured.given().get(Stack.CONSOLE + "/tra-cuu");
        assertEquals(200, lookup.statusCode());
        assertTrue(lookup.asString().contains("Tra cứu tình trạng hồ sơ"));
    }

    @Test
    @Order(1)
    void supervisorReadsTheCountsBefore() {
        try (Browser b = new Browser("supervisor1", Browser.COUNTER_SCREEN)) {
            b.signIn("supervisor1");
            b.find(By.id("total-returned"));
            returnedBefore = number(b, "total-returned");
            ratingsBefore = ratings(b);
            b.shot("thong-ke-truoc");
        }
    }

    @Test
    @Order(2)
    void counterOfficerReceivesTheNewbornDossierAndPrintsTheReceipt() {
        try (Browser b = new Browser("counter1", Browser.COUNTER_SCREEN)) {
            b.signIn("counter1");
            b.find(By.xpath("//h1[contains(., 'Quầy tiếp nhận')]"));
            b.shot("quay");
            b.click("Tiếp nhận hồ sơ");
            b.type("Tên hoặc mã thủ tục (gõ có dấu hoặc không dấu)", "dang ky khai sinh");
            b.click("Tìm");
            b.find(By.xpath("//td[normalize-space()='LT-KS-TT-BHYT']"));
            b.shot("tim-thu-tuc-khong-dau");
            b.type("Tên hoặc mã thủ tục (gõ có dấu hoặc không dấu)", "khai sinh");
            b.click("Tìm");
            b.find(By.xpath("//tr[td[normalize-space()='LT-KS-TT-BHYT']]//a[normalize-space()='Tiếp nhận']")).click();

            b.find(By.xpath("//h1[contains(., 'Tiếp nhận hồ sơ')]"));
            for (String document : List.of("Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Tờ khai thay đổi thông tin cư trú",
                    "Tờ khai tham gia bảo hiểm y tế")) {
                b.field(document).click();
            }
            b.type("Họ và tên", "Nguyễn Thị Minh Anh");
            b.type("Số định danh cá nhân (12 chữ số)", CITIZEN_ID);
            b.type("Số điện thoại", "0912345678");
            b.type("Thư điện tử", "console.journey@example.vn");
            b.type("Địa chỉ", "25 Đội Cấn, phường Ba Đình, Hà Nội");
            b.shot("tiep-nhan-dien-xong");
            b.click("Tiếp nhận và in giấy tiếp nhận");

            code = b.find(By.id("dossier-code")).getText();
            pin = b.find(By.id("lookup-pin")).getText();
            assertTrue(code.matches("000\\.00\\.31\\.H29-\\d{6}-\\d{4}"), code);
            assertTrue(pin.matches("\\d{6}"), pin);
            b.shot("da-tiep-nhan");

            WebElement print = b.find(By.id("print-receipt"));
            String receiptUrl = print.getAttribute("href");
            HttpResponse<byte[]> pdf = b.download(receiptUrl);
            assertEquals(200, pdf.statusCode());
            assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
            assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
            String main = b.driver.getWindowHandle();
            print.click();
            b.waitFor(() -> b.driver.getWindowHandles().size() == 2);
            for (String handle : b.driver.getWindowHandles()) {
                if (!handle.equals(main)) {
                    b.driver.switchTo().window(handle);
                }
            }
            b.waitFor(() -> b.driver.getCurrentUrl().endsWith("/giay-tiep-nhan.pdf"));
            b.shot("giay-tiep-nhan-pdf");
        }
    }

    @Test
    @Order(3)
    void justiceOfficerClaimsAndCompletes() {
        try (Browser b = new Browser("tuphap1", Browser.COUNTER_SCREEN)) {
            b.signIn("tuphap1");
            b.find(By.xpath("//h1[contains(., 'Hồ sơ cần xử lý')]"));
            b.shot("hop-thu");
            justiceTaskPath = claimAndComplete(b);
        }
    }

    @Test
    @Order(4)
    void policeOfficerNeverSeesTheJusticeTaskThenCompletesItsOwn() {
        try (Browser b = new Browser("congan1", Browser.COUNTER_SCREEN)) {
            b.signIn("congan1");
            b.open(justiceTaskPath);
            b.find(By.cssSelector("p.notice.error"));
            assertTrue(b.text().contains("Không tìm thấy"), b.text());
            assertFalse(b.text().contains("Nhận xử lý"));
            assertFalse(b.text().contains("TUPHAP-BADINH"));
            b.shot("go-dia-chi-viec-tu-phap");
            b.open("/xu-ly");
            claimAndComplete(b);
        }
    }

    @Test
    @Order(5)
    void insuranceOfficerCompletes() {
        try (Browser b = new Browser("bhxh1", Browser.COUNTER_SCREEN)) {
            b.signIn("bhxh1");
            claimAndComplete(b);
        }
    }

    @Test
    @Order(6)
    void counterOfficerHandsTheResultBack() {
        try (Browser b = new Browser("counter1", Browser.COUNTER_SCREEN)) {
            b.signIn("counter1");
            b.click("Trả kết quả");
            b.reloadUntil(() -> !b.driver.findElements(By.xpath("//tr[td[normalize-space()='" + code + "']]")).isEmpty());
            b.shot("ket-qua-cho-tra");
            WebElement row = b.find(By.xpath("//tr[td[normalize-space()='" + code + "']]"));
            row.findElement(By.xpath(".//input[@name='receivedBy']")).sendKeys("Nguyễn Thị Minh Anh");
            row.findElement(By.xpath(".//button")).click();
            b.find(By.cssSelector("p.notice.ok"));
            assertTrue(b.text().contains("Đã trả kết quả hồ sơ " + code));
            b.shot("da-tra-ket-qua");
        }
    }

    @Test
    @Order(7)
    void citizenOpensTheReceiptsLinkOnAPhoneAndRates() {
        // Lookups before result's read model holds the return would be misses, which are rate limited per address.
        Stack.awaitProjected(code);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "RESULT_RETURNED".equals(
                RestAssured.given().queryParam("pin", pin).get(Stack.RESULT + "/api/public/dossiers/" + code).path("state")));
        try (Browser b = new Browser("nguoi-dan", Browser.PHONE)) {
            b.open("/tra-cuu?code=" + code + "&pin=" + pin);
            b.find(By.xpath("//*[normalize-space()='Đã trả kết quả']"));
            assertTrue(b.text().contains("Đăng ký khai sinh") || b.text().contains("đăng ký khai sinh"), b.text());
            assertTrue(b.text().contains("Đúng hạn"), b.text());
            b.shot("tra-cuu-dien-thoai");
            b.field("Đúng hẹn").click();
            new org.openqa.selenium.support.ui.Select(b.field("Mức độ hài lòng chung")).selectByVisibleText("Rất hài lòng");
            b.type("Góp ý (không bắt buộc)", "Cán bộ hướng dẫn tận tình.");
            b.shot("danh-gia");
            b.click("Gửi đánh giá");
            b.find(By.xpath("//*[contains(., 'Cảm ơn bạn đã đánh giá')]"));
            b.shot("da-danh-gia");
            long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) b.driver)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 0, "the citizen's page scrolls sideways on a phone by " + overflow + " px");
        }
    }

    @Test
    @Order(8)
    void supervisorSeesTheCountsMove() {
        try (Browser b = new Browser("supervisor1", Browser.COUNTER_SCREEN)) {
            b.signIn("supervisor1");
            b.reloadUntil(() -> number(b, "total-returned") > returnedBefore && ratings(b) > ratingsBefore);
            b.shot("thong-ke-sau");
            b.click("Hồ sơ quá hạn");
            b.find(By.xpath("//h1[contains(., 'quá hạn')]"));
            b.shot("qua-han");
        }
    }

    /** Filters the inbox by the dossier code, opens the open task, claims it and approves it. */
    private static String claimAndComplete(Browser b) {
        b.type("Mã hồ sơ", code);
        b.click("Lọc");
        b.reloadUntil(() -> !b.driver.findElements(By.xpath("//tr[td[normalize-space()='Chờ nhận xử lý']]//a[normalize-space()='" + code + "']")).isEmpty());
        b.shot("hop-thu-loc");
        b.find(By.xpath("//tr[td[normalize-space()='Chờ nhận xử lý']]//a[normalize-space()='" + code + "']")).click();
        b.click("Nhận xử lý");
        b.find(By.xpath("//p[contains(@class,'notice') and contains(., 'Bạn đã nhận xử lý')]"));
        String path = b.driver.getCurrentUrl().substring(Stack.CONSOLE.length()).replaceAll("\\?.*$", "");
        // post, redirect, get: the page after the action is a plain page, and reloading it claims nothing again
        assertTrue(b.driver.getCurrentUrl().endsWith("?xong=nhan"), b.driver.getCurrentUrl());
        b.driver.navigate().refresh();
        b.find(By.xpath("//p[contains(@class,'notice') and contains(., 'Bạn đã nhận xử lý')]"));
        assertFalse(b.text().contains("Việc này đã được người khác thực hiện"), b.text());
        b.shot("da-nhan");
        b.type("Ghi chú, số quyết định (bắt buộc khi từ chối)", "Đã giải quyết theo quy định.");
        b.click("Hoàn thành bước");
        b.find(By.xpath("//p[contains(@class,'notice') and contains(., 'Đã hoàn thành bước')]"));
        b.shot("da-hoan-thanh");
        return path.replaceAll("/(nhan|hoan-thanh)$", "");
    }

    private static long number(Browser b, String id) {
        return Long.parseLong(b.find(By.id(id)).getText().replaceAll("\\D", ""));
    }

    /** The number of ratings written beside the satisfaction figure ("hài lòng (N đánh giá)"). */
    private static long ratings(Browser b) {
        String text = b.find(By.id("total-satisfied")).findElement(By.xpath("..")).getText();
        List<String> numbers = new ArrayList<>(List.of(text.replaceAll("[^0-9]+", " ").trim().split(" ")));
        return Long.parseLong(numbers.get(numbers.size() - 1));
    }
}
