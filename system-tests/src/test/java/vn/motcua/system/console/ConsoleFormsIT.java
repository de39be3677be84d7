package vn.motcua.system.console;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import vn.motcua.system.Stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's forms in a real browser: the reception form survives an expired session (typed, the sessions at
 * the console and at Keycloak end, sent, signed in again: everything typed is back), a form that went through is
 * followed by a page the browser may reload (post, redirect, get: nothing is received twice, the PIN stays), the
 * dossier is found by its applicant's name typed without diacritics and by phone, and a form posted into a
 * signed-in console from a page of another site is refused with a sentence and changes nothing.
 */
class ConsoleFormsIT {
    static final String PROCEDURE = "LT-KS-TT-BHYT";
    static final List<String> DOCUMENTS = List.of("Tờ khai đăng ký khai sinh", "Giấy chứng sinh",
            "Tờ khai thay đổi thông tin cư trú", "Tờ khai tham gia bảo hiểm y tế");

    /** A phone number no other test uses: searching by it finds this test's dossiers only. */
    static String uniquePhone() {
        return "09" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /** How many dossiers of counter1's unit intake finds for {@code q}. */
    static int dossiersFound(String q) {
        return Stack.as("counter1").queryParam("q", q).get(Stack.INTAKE + "/api/dossiers")
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void theReceptionFormSurvivesAnExpiredSessionAndItsReceiptSurvivesAReload() {
        String phone = uniquePhone();
        String name = "Đặng Thị Hoài Thương";
        String address = "Số 7 ngõ 42 Đào Tấn, phường Ngọc Hà, Hà Nội";
        try (Browser b = new Browser("counter1", Browser.COUNTER_SCREEN)) {
            b.signIn("counter1");
            b.open("/quay/tiep-nhan?thu-tuc=" + PROCEDURE);
            b.find(By.xpath("//h1[contains(., 'Tiếp nhận hồ sơ')]"));
            for (String document : DOCUMENTS) {
                b.field(document).click();
            }
            b.type("Họ và tên", name);
            b.type("Số định danh cá nhân (12 chữ số)", "001090012345");
            b.type("Số điện thoại", phone);
            b.field("Qua bưu chính công ích").click();
            // the reception's channel and the return's share a label: the second one is the return
            b.driver.findElement(By.id("ret-post")).click();
            b.type("Địa chỉ nhận kết quả qua bưu chính (để trống: địa chỉ của người nộp)", address);
            b.shot("tiep-nhan-truoc-het-phien");

            // The session ends while the officer types: the console's cookie is gone and Keycloak's session too.
            for (Cookie cookie : b.driver.manage().getCookies()) {
                if (cookie.getName().startsWith("q_session")) {
                    b.driver.manage().deleteCookie(cookie);
                }
            }
            KeycloakSessions.signOut("counter1");
            b.click("Tiếp nhận và in giấy tiếp nhận");

            b.waitFor(() -> !b.driver.findElements(By.id("username")).isEmpty());
            b.shot("dang-nhap-lai");
            assertEquals(0, dossiersFound(phone), "nothing was received without a session");
            b.driver.findElement(By.id("username")).sendKeys("counter1");
            b.driver.findElement(By.id("password")).sendKeys("counter1");
            b.driver.findElement(By.id("kc-login")).click();

            b.find(By.xpath("//h1[contains(., 'Tiếp nhận hồ sơ')]"));
            b.waitFor(() -> name.equals(b.field("Họ và tên").getAttribute("value")));
            assertEquals("001090012345", b.field("Số định danh cá nhân (12 chữ số)").getAttribute("value"));
            assertEquals(phone, b.field("Số điện thoại").getAttribute("value"));
            assertEquals(address, b.field("Địa chỉ nhận kết quả qua bưu chính (để trống: địa chỉ của người nộp)")
                    .getAttribute("value"));
            assertTrue(b.driver.findElement(By.id("ch-postal")).isSelected());
            assertTrue(b.driver.findElement(By.id("ret-post")).isSelected());
            for (String document : DOCUMENTS) {
                assertTrue(b.field(document).isSelected(), document + " is still ticked");
            }
            b.shot("tiep-nhan-sau-dang-nhap-lai");
            b.click("Tiếp nhận và in giấy tiếp nhận");

            String code = b.find(By.id("dossier-code")).getText();
            String pin = b.find(By.id("lookup-pin")).getText();
            assertTrue(b.driver.getCurrentUrl().endsWith("/quay/da-tiep-nhan/" + code), b.driver.getCurrentUrl());
            assertEquals("Nhận kết quả: qua bưu chính công ích, gửi đến " + address,
                    b.find(By.id("return-channel")).getText());
            b.driver.navigate().refresh();
            assertEquals(code, b.find(By.id("dossier-code")).getText());
            assertEquals(pin, b.find(By.id("lookup-pin")).getText(), "the PIN survives a reload of the receipt page");
            assertEquals(1, dossiersFound(phone), "a reload received nothing twice");
            b.shot("da-tiep-nhan-tai-lai");

            // Found from the counter's page by the name typed without diacritics, and by phone.
            b.open("/quay");
            b.type("Tìm hồ sơ (mã hồ sơ, tên người nộp, số định danh hoặc số điện thoại)", "dang thi hoai thuong\n");
            b.find(By.xpath("//a[normalize-space()='" + code + "']"));
            b.shot("tim-ho-so-khong-dau");
            b.type("Mã hồ sơ, tên người nộp, số định danh hoặc số điện thoại", phone + "\n");
            b.find(By.xpath("//a[normalize-space()='" + code + "']"));
            assertTrue(b.find(By.id("found")).getText().startsWith("1 hồ sơ"), b.find(By.id("found")).getText());
            b.find(By.xpath("//a[normalize-space()='" + code + "']")).click();
            assertTrue(b.find(By.id("return-channel")).getText().contains("qua bưu chính công ích, gửi đến " + address));
            b.shot("ho-so-tra-qua-buu-chinh");
        }
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedWithASentenceAndChangesNothing() throws IOException {
        String phone = uniquePhone();
        StringBuilder fields = new StringBuilder("fullName=" + url("Lò Văn Giả") + "&idNumber=001090012345&phone=" + phone
                + "&channel=COUNTER&returnChannel=COUNTER&key=" + java.util.UUID.randomUUID());
        for (int i = 0; i < DOCUMENTS.size(); i++) {
            fields.append("&doc-").append(i).append("=1&form-").append(i).append("=ORIGINAL&copies-").append(i).append("=1");
        }
        String target = Stack.CONSOLE + "/quay/tiep-nhan?thu-tuc=" + PROCEDURE;
        // Another site on the same host (another port: the same site for the browser, so its cookies go along).
        HttpServer site = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        StringBuilder form = new StringBuilder("<!DOCTYPE html><html><body><form id='f' method='post' action='" + target + "'>");
        for (String pair : fields.toString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.append("<input type='hidden' name='").append(kv[0]).append("' value='")
                    .append(java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8)).append("'>");
        }
        form.append("</form><script>document.getElementById('f').submit()</script></body></html>");
        byte[] page = form.toString().getBytes(StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        site.start();
        try (Browser b = new Browser("counter1", Browser.COUNTER_SCREEN)) {
            b.signIn("counter1");
            b.open("http://localhost:" + site.getAddress().getPort() + "/");
            b.find(By.xpath("//p[contains(@class,'notice') and contains(., 'Biểu mẫu không được chấp nhận')]"));
            assertTrue(b.driver.getCurrentUrl().startsWith(target), b.driver.getCurrentUrl());
            assertFalse(b.text().contains("{"), "a sentence, never JSON: " + b.text());
            b.shot("bieu-mau-gia-mao");
            assertEquals(0, dossiersFound(phone), "the forged form received nothing");

            // The same form with the session's cookies but without the page's token, or with a made-up one: 403.
            HttpResponse<String> without = b.postForm(target, fields.toString());
            assertEquals(403, without.statusCode());
            assertTrue(without.body().contains("Biểu mẫu không được chấp nhận"), without.body());
            assertEquals(403, b.postForm(target, fields + "&csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode());
            assertEquals(0, dossiersFound(phone), "nothing was received");

            // The console's own form carries the token: the same fields typed there go through.
            b.open("/quay/tiep-nhan?thu-tuc=" + PROCEDURE);
            WebElement token = b.find(By.name("csrf"));
            assertFalse(token.getAttribute("value").isBlank());
            assertEquals(303, b.postForm(target, fields + "&csrf=" + url(token.getAttribute("value"))).statusCode());
            assertEquals(1, dossiersFound(phone));
        } finally {
            site.stop(0);
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keycloak's admin API (the local stack's admin/admin): ends every session of a user, as an idle timeout would. */
    static final class KeycloakSessions {
        private KeycloakSessions() {
        }

        static void signOut(String user) {
            String admin = RestAssured.given().contentType(ContentType.URLENC)
                    .formParams(Map.of("client_id", "admin-cli", "grant_type", "password", "username", "admin", "password", "admin"))
                    .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            String id = RestAssured.given().auth().oauth2(admin).queryParam("username", user).queryParam("exact", true)
                    .get(Stack.KEYCLOAK + "/admin/realms/motcua/users").then().statusCode(200).extract().path("[0].id");
            RestAssured.given().auth().oauth2(admin).post(Stack.KEYCLOAK + "/admin/realms/motcua/users/" + id + "/logout")
                    .then().statusCode(204);
        }
    }
}
