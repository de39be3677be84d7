package vn.motcua.system.console;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.motcua.system.Journeys;
import vn.motcua.system.Stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agency head's screens in a real browser (issue 19 over issue 24's API): tuphap-lead1 gives a dossier of a
 * draft-review-sign step to tuphap2, then moves everything tuphap2 holds to tuphap1; tuphap1 drafts, tuphap2
 * passes the draft, and the head signs on the task page: the step is completed with a document number. The sign
 * button is the head's alone; an officer opening the head's page reads routing's refusal as a sentence; the
 * police's head never sees the justice office's dossier, on the page or by typing its address.
 */
class HeadConsoleIT {
    static final String RUN = Journeys.run();
    static final String SIGNED = "TN-LD-" + RUN;

    @BeforeAll
    static void procedure() {
        Journeys.createProcedure(SIGNED, "Thử nghiệm: lãnh đạo phân công, ký duyệt trên giao diện", 3, null,
                Journeys.single("""
                        {"stepId":"khai-sinh","agencyCode":"%s","name":"Đăng ký khai sinh","flow":"DRAFT_REVIEW_SIGN",
                         "share":{"value":2,"unit":"WORKING_DAYS"}}""".formatted(Journeys.JUSTICE)),
                Journeys.single(Journeys.step("thuong-tru", Journeys.POLICE, "Đăng ký thường trú", 1)));
    }

    @Test
    void theHeadAssignsReassignsAndSignsAndNoOneElseCan() {
        String code = Journeys.receive("counter1", SIGNED, "COUNTER", Journeys.mailbox("lanhdao")).path("code");
        String task = Journeys.taskOf("tuphap-lead1", code);

        try (Browser head = new Browser("tuphap-lead1", Browser.COUNTER_SCREEN)) {
            head.signIn("tuphap-lead1");
            head.click("Phân công, ủy quyền");
            head.find(By.id("workload"));
            // the agency holds more open tasks than a page after the other tests: the head looks the dossier up
            search(head, code);
            head.type("Cán bộ được giao hồ sơ " + code, "tuphap2");
            head.find(By.id("assign-" + code)).click();
            notice(head, "Đã giao hồ sơ cho cán bộ xử lý.");
            assertEquals("tuphap2", holder(task));
            assertTrue(head.find(By.id("workload")).getText().contains("tuphap2"), head.text());
            head.shot("phan-cong");

            head.type("Cán bộ vắng mặt", "tuphap2");
            head.type("Cán bộ nhận thay", "tuphap2");
            head.click("Chuyển toàn bộ");
            assertEquals("Cán bộ nhận thay phải khác cán bộ vắng mặt.", head.find(By.cssSelector(".notice.error")).getText());
            assertEquals("tuphap2", holder(task), "nothing moved");
            head.type("Cán bộ nhận thay", "tuphap1");
            head.click("Chuyển toàn bộ");
            notice(head, "Đã chuyển các hồ sơ đang mở của cán bộ vắng mặt sang cán bộ nhận thay.");
            assertEquals("tuphap1", holder(task));

            // a delegation of assigning for today, listed in force, then ended (so it lends tuphap2 nothing after)
            String today = java.time.LocalDate.now(java.time.ZoneOffset.ofHours(7)).toString();
            head.type("Người được ủy quyền (tên đăng nhập)", "tuphap2");
            new org.openqa.selenium.support.ui.Select(head.field("Nội dung")).selectByVisibleText("Phân công");
            ((org.openqa.selenium.JavascriptExecutor) head.driver).executeScript(
                    "document.getElementById('dfrom').value=arguments[0];document.getElementById('dto').value=arguments[0];", today);
            head.type("Lý do", "Trưởng phòng đi công tác " + RUN);
            head.click("Ủy quyền");
            notice(head, "Đã ủy quyền.");
            String row = head.find(By.xpath("//table[@id='delegations']//tr[contains(., '" + RUN + "')]")).getText();
            assertTrue(row.contains("tuphap2") && row.contains("Phân công") && row.contains("Đang hiệu lực"), row);
            head.shot("uy-quyen");
            head.find(By.xpath("//table[@id='delegations']//tr[contains(., '" + RUN + "')]//button")).click();
            notice(head, "Đã kết thúc ủy quyền.");
            assertTrue(head.find(By.xpath("//table[@id='delegations']//tr[contains(., '" + RUN + "')]")).getText()
                    .contains("Đã kết thúc"));
        }

        try (Browser other = new Browser("congan-lead1", Browser.COUNTER_SCREEN)) {
            other.signIn("congan-lead1");
            other.click("Phân công, ủy quyền");
            other.find(By.id("workload"));
            search(other, code);
            assertTrue(other.find(By.id("filtered")).getText().contains("không có hồ sơ nào"), other.text());
            assertFalse(other.text().contains("Cán bộ được giao hồ sơ " + code), "another agency's head never sees it");
            other.open("/xu-ly/viec/" + task);
            other.waitFor(() -> other.text().contains("Không tìm thấy hồ sơ hoặc công việc này"));
            assertFalse(other.text().contains(code), other.text());
        }

        try (Browser drafter = new Browser("tuphap1", Browser.COUNTER_SCREEN)) {
            drafter.signIn("tuphap1");
            assertTrue(drafter.driver.findElements(By.linkText("Phân công, ủy quyền")).isEmpty(), "not the head's menu");
            drafter.open("/xu-ly/lanh-dao");
            drafter.waitFor(() -> drafter.text().contains("Tài khoản của bạn không có quyền thực hiện việc này."));
            assertFalse(drafter.text().contains(code), drafter.text());
            drafter.shot("lanh-dao-tu-choi");
            drafter.open("/xu-ly/viec/" + task);
            drafter.type("Nội dung dự thảo (bắt buộc khi từ chối)", "Dự thảo giấy khai sinh");
            drafter.click("Trình thẩm định");
            notice(drafter, "Đã trình dự thảo để thẩm định.");
            assertEquals("Chờ thẩm định", drafter.find(By.id("phase")).getText());
            assertTrue(drafter.driver.findElements(By.id("review")).isEmpty(), "the drafter does not review");
        }

        try (Browser reviewer = new Browser("tuphap2", Browser.COUNTER_SCREEN)) {
            reviewer.signIn("tuphap2");
            reviewer.open("/xu-ly/viec/" + task);
            reviewer.click("Ghi kết quả thẩm định");
            notice(reviewer, "Đã thẩm định dự thảo.");
            assertEquals("Chờ lãnh đạo ký duyệt", reviewer.find(By.id("phase")).getText());
            assertTrue(reviewer.driver.findElements(By.id("sign")).isEmpty(), "only the head signs");
            // pressing it anyway (a forged form) is refused by routing and said as a sentence
            String refused = reviewer.postForm(Stack.CONSOLE + "/xu-ly/viec/" + task + "/ky",
                    "csrf=" + reviewer.find(By.name("csrf")).getAttribute("value")).body();
            assertTrue(refused.contains("Chỉ lãnh đạo cơ quan, hoặc người được ủy quyền ký trong thời hạn ủy quyền, được ký."),
                    refused);
        }

        try (Browser head = new Browser("tuphap-lead1", Browser.COUNTER_SCREEN)) {
            head.signIn("tuphap-lead1");
            head.open("/xu-ly/viec/" + task);
            head.shot("cho-ky");
            head.click("Ký duyệt");
            notice(head, "Đã ký duyệt; bước xử lý hoàn thành.");
            String work = head.find(By.id("work")).getText();
            assertTrue(work.matches("(?s).*đã ký.*số \\d+/\\d{4}/" + Journeys.JUSTICE + ".*"), work);
            assertEquals("COMPLETED", Stack.as("tuphap-lead1").get(Stack.ROUTING + "/api/tasks/" + task).path("status"));
            head.shot("da-ky");
        }
    }

    private static String holder(String task) {
        return Stack.as("tuphap-lead1").get(Stack.ROUTING + "/api/tasks/" + task).path("claimedBy");
    }

    private static void notice(Browser b, String sentence) {
        b.waitFor(() -> !b.driver.findElements(By.cssSelector(".notice.ok")).isEmpty());
        assertEquals(sentence, b.find(By.cssSelector(".notice.ok")).getText());
    }

    /** The head's page looking a dossier up by its code, as a head does. */
    private static void search(Browser head, String code) {
        head.type("Tìm hồ sơ theo mã", code);
        head.click("Tìm hồ sơ");
    }
}
