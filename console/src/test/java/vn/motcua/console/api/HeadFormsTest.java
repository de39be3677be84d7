package vn.motcua.console.api;

import org.junit.jupiter.api.Test;
import vn.motcua.console.client.RoutingClient;
import vn.motcua.console.client.ServiceErrors;
import vn.motcua.console.view.Messages;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The agency head's forms: what the console refuses before routing is asked, and routing's refusals as sentences. */
class HeadFormsTest {

    @Test
    void aBulkReassignmentNamesTwoDifferentOfficers() {
        assertEquals("Hãy chọn cán bộ vắng mặt và cán bộ nhận thay.", new HeadResource.Reassign("tuphap1", "").refusal());
        assertEquals("Cán bộ nhận thay phải khác cán bộ vắng mặt.",
                new HeadResource.Reassign("tuphap1", "tuphap1").refusal());
        assertNull(new HeadResource.Reassign("tuphap1", "tuphap2").refusal());
    }

    @Test
    void aDelegationIsSentTypedAndOnlyWithItsPeriodAndReason() {
        HeadResource.Grant signing = new HeadResource.Grant(" tuphap2 ", "2026-12-07", "2026-12-11", "SIGN", "Nghỉ phép", "TUQ");
        assertNull(signing.refusal());
        assertEquals(new RoutingClient.Grant("tuphap2", LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 11), "SIGN",
                "Nghỉ phép", "TUQ"), signing.request());
        // assigning carries no signature mark; an unknown mark signs in the head's place (KT.)
        assertNull(new HeadResource.Grant("tuphap2", "2026-12-07", "2026-12-07", "ASSIGN", "x", "KT").request().signAs());
        assertEquals("KT", new HeadResource.Grant("tuphap2", "2026-12-07", "2026-12-07", "SIGN", "x", "<b>").request().signAs());
        assertEquals("Hãy nhập người được ủy quyền, thời hạn (từ ngày, đến ngày) và lý do ủy quyền.",
                new HeadResource.Grant("tuphap2", "07/12/2026", "2026-12-11", "SIGN", "Nghỉ phép", "KT").refusal());
        assertEquals("Hãy nhập người được ủy quyền, thời hạn (từ ngày, đến ngày) và lý do ủy quyền.",
                new HeadResource.Grant("tuphap2", "2026-12-07", "2026-12-11", "SIGN", "", "KT").refusal());
        assertEquals("Ngày kết thúc ủy quyền không được trước ngày bắt đầu.",
                new HeadResource.Grant("tuphap2", "2026-12-11", "2026-12-07", "SIGN", "Nghỉ phép", "KT").refusal());
    }

    @Test
    void routingsRefusalsOfTheDraftReviewSignWorkAreSentences() {
        assertEquals("Người dự thảo không tự thẩm định dự thảo của mình: hãy để cán bộ khác thẩm định.",
                Messages.sentence(ServiceErrors.problem(403,
                        "{\"type\":\"urn:motcua:problem:reviewer-is-drafter\",\"status\":403}", null)));
        assertEquals("Chỉ lãnh đạo cơ quan, hoặc người được ủy quyền ký trong thời hạn ủy quyền, được ký.",
                Messages.sentence(ServiceErrors.problem(403,
                        "{\"type\":\"urn:motcua:problem:no-signing-authority\",\"status\":403}", null)));
        // the workload's refusal to an officer who is not the head has no kind of its own: the 403 sentence
        assertEquals("Tài khoản của bạn không có quyền thực hiện việc này.",
                Messages.sentence(ServiceErrors.problem(403,
                        "{\"type\":\"urn:motcua:problem:forbidden\",\"status\":403}", null)));
    }
}
