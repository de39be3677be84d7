package vn.motcua.system.console;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.motcua.system.Journeys;
import vn.motcua.system.Stack;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23's screens in a real browser: the supervisor reads who opened a dossier's personal data (an officer's
 * reading made by this test, found by dossier and by officer); the administrator reads each service's audit-chain
 * verdict, the same as the service's own verification says; a counter officer gets the services' refusal.
 */
class AuditConsoleIT {
    static final String RUN = Journeys.run();
    static final String PROCEDURE = "TN-NK-" + RUN;

    @Test
    void theAccessLogShowsAnOfficersReadingByDossierAndByOfficer() {
        Journeys.createProcedure(PROCEDURE, "Thử nghiệm: nhật ký truy cập", 3, null,
                Journeys.single(Journeys.step("xu-ly", Journeys.JUSTICE, "Xử lý", 2)));
        String code = Journeys.receive("counter1", PROCEDURE, "COUNTER", Journeys.mailbox("nhatky")).path("code");
        Stack.as("counter1").get(Stack.INTAKE + "/api/dossiers/" + code).then().statusCode(200);

        try (Browser b = new Browser("supervisor1", Browser.COUNTER_SCREEN)) {
            b.signIn("supervisor1");
            b.click("Nhật ký truy cập");
            b.type("Mã hồ sơ", code);
            b.click("Xem nhật ký");
            String row = b.find(By.cssSelector("#access-log tbody tr")).getText();
            assertTrue(row.contains("counter1") && row.contains(code) && row.contains("GET /api/dossiers/" + code), row);
            b.shot("nhat-ky-ho-so");
            b.open("/nhat-ky?can-bo=counter1");
            assertTrue(b.find(By.id("access-log")).getText().contains(code), b.text());
            assertTrue(b.driver.findElements(By.linkText("Kiểm tra tính toàn vẹn của nhật ký kiểm toán")).isEmpty(),
                    "the verdict is the administrator's");
        }
        try (Browser b = new Browser("counter1", Browser.COUNTER_SCREEN)) {
            b.signIn("counter1");
            b.open("/nhat-ky?ho-so=" + code);
            b.waitFor(() -> b.text().contains("Tài khoản của bạn không có quyền thực hiện việc này."));
            assertTrue(b.driver.findElements(By.id("access-log")).isEmpty(), "no log and no 'nothing logged': " + b.text());
        }
    }

    @Test
    void theAdministratorReadsEachServicesVerdictAsTheServiceGivesIt() {
        Map<String, String> services = Map.of("Tiếp nhận (intake)", Stack.INTAKE, "Luân chuyển, xử lý (routing)", Stack.ROUTING,
                "Trả kết quả, tra cứu (result)", Stack.RESULT, "Thông báo (notification)", Stack.NOTIFICATION);
        try (Browser b = new Browser("admin1", Browser.COUNTER_SCREEN)) {
            b.signIn("admin1");
            b.open("/nhat-ky");
            b.click("Kiểm tra tính toàn vẹn của nhật ký kiểm toán");
            List<WebElement> rows = b.find(By.id("audit-verify")).findElements(By.cssSelector("tbody tr"));
            assertEquals(4, rows.size(), b.text());
            for (WebElement row : rows) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                JsonPath verdict = Stack.as("admin1").get(services.get(cells.get(0).getText()) + "/api/admin/audit/verify")
                        .then().statusCode(200).extract().jsonPath();
                assertTrue(cells.get(1).getText().startsWith(verdict.getBoolean("ok") ? "Toàn vẹn" : "Bị sửa hoặc xóa"),
                        row.getText());
                long shown = Long.parseLong(cells.get(2).getText());
                assertTrue(shown <= verdict.getLong("entries"), row.getText()); // read first, it only grows
                if (cells.get(0).getText().contains("intake")) { // it published this run's receptions at least
                    assertTrue(shown > 0, row.getText());
                }
            }
            b.shot("kiem-tra-nhat-ky");
        }
    }
}
