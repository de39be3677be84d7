package vn.motcua.console.api;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.client.ServiceErrors;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.FormErrors;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator's forms: what they send to intake, and where intake's refusals are shown, in Vietnamese. */
class AdminFormsTest {

    private static MultivaluedMap<String, String> posted(String... pairs) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.add(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aProblemsFieldErrorsAreReadAndPlacedBesideTheirInputsAsSentences() {
        ServiceException e = ServiceErrors.problem(400, """
                {"type":"urn:motcua:problem:validation-failed","title":"Dữ liệu không hợp lệ","status":400,
                 "errors":[{"field":"name","message":"bắt buộc"},
                           {"field":"statutoryTime","message":"bắt buộc: {\\"value\\", \\"unit\\"}"},
                           {"field":"entries","message":"make-up working day 2031-01-07 is not a Saturday or Sunday"},
                           {"field":"body","message":"bắt buộc"}]}""", null);
        assertEquals(4, e.errors().size());
        FormErrors errors = FormErrors.of(e, path -> switch (path) {
            case "name" -> new FormErrors.Target("name", "Tên thủ tục");
            case "statutoryTime" -> new FormErrors.Target("timeValue", "Thời hạn giải quyết");
            case "entries" -> new FormErrors.Target("date", "Ngày");
            default -> null;
        });
        assertEquals("Tên thủ tục: bắt buộc.", errors.get("name"));
        // JSON in a message and a message in English are never shown as they are
        assertEquals("Thời hạn giải quyết: giá trị chưa hợp lệ.", errors.get("timeValue"));
        assertEquals("Ngày: giá trị chưa hợp lệ.", errors.get("date"));
        assertEquals(List.of("Bắt buộc."), errors.others());
        assertNull(errors.get("field"));
        assertTrue(ServiceErrors.problem(502, "<html>bad gateway</html>", null).errors().isEmpty());
        assertTrue(vn.motcua.console.view.Messages.sentence(ServiceErrors.problem(422,
                "{\"type\":\"urn:motcua:problem:plan-exceeds-statutory-time\",\"status\":422}", null))
                .startsWith("Tổng thời gian các bước xử lý vượt thời hạn giải quyết"));
        assertTrue(errors.at("na", "me"));
        assertFalse(errors.at("na", "mes"));
    }

    @Test
    void theProcedureFormSendsTypedRowsGroupsStagesAndKeepsEachStepsFlow() {
        MultivaluedMap<String, String> form = posted("code", "", "basedOnVersion", "3", "effectiveFrom", "2031-01-02",
                "name", " Đăng ký khai sinh ", "competentAgency", "UBND-X", "timeValue", "5", "timeUnit", "WORKING_DAYS",
                "supplementLapse", "STOP", "extensionAllowed", "1",
                "doc-0-name", "Tờ khai", "doc-0-form", "ORIGINAL", "doc-0-copies", "1", "doc-0-mandatory", "1",
                "doc-1-name", "", "doc-1-form", "ORIGINAL", "doc-1-copies", "1", "doc-1-mandatory", "1",
                "doc-2-name", "Giấy chứng sinh", "doc-2-form", "COPY", "doc-2-copies", "2",
                "fee-0-name", "Lệ phí", "fee-0-amount", "50.000", "fee-0-note", "",
                "step-0-stage", "2", "step-0-id", "b", "step-0-agency", "CA", "step-0-name", "", "step-0-share", "2", "step-0-unit", "WORKING_DAYS",
                "step-1-stage", "1", "step-1-id", "a", "step-1-agency", "TP", "step-1-name", "", "step-1-share", "1", "step-1-unit", "WORKING_DAYS",
                "step-2-stage", "2", "step-2-id", "c", "step-2-agency", "BHXH", "step-2-name", "", "step-2-share", "2", "step-2-unit", "WORKING_DAYS",
                "step-3-stage", "", "step-3-id", "", "step-3-agency", "", "step-3-name", "", "step-3-share", "", "step-3-unit", "WORKING_DAYS");
        IntakeClient.Version base = new IntakeClient.Version("KS", 3, null, null, null, "x", null, "UBND-X", null,
                new IntakeClient.Plan(null, List.of(new IntakeClient.Stage("SINGLE", List.of(new IntakeClient.PlanStep("a", "TP",
                        null, null, null, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("kind", "REVIEW")))))),
                null, null, null, null, null, null, null, null, null, null, null);
        ProcedureForm.Request request = ProcedureForm.read(form).request(false, base);
        assertFalse(request.local().any());
        IntakeClient.Version v = request.version();
        assertNull(v.code());
        assertEquals(3, v.basedOnVersion());
        assertEquals(LocalDate.of(2031, 1, 2), v.effectiveFrom());
        assertEquals("Đăng ký khai sinh", v.name());
        assertEquals(List.of("Tờ khai", "Giấy chứng sinh"), v.documents().stream().map(IntakeClient.Document::name).toList());
        assertFalse(v.documents().get(1).mandatory());
        assertEquals(50_000L, v.fees().get(0).amountVnd());
        assertFalse(v.suspensionAllowed());
        assertTrue(v.extensionAllowed());
        assertEquals(List.of("SINGLE", "PARALLEL"), v.plan().stages().stream().map(IntakeClient.Stage::kind).toList());
        assertEquals("a", v.plan().stages().get(0).steps().get(0).stepId());
        assertEquals("REVIEW", v.plan().stages().get(0).steps().get(0).flow().path("kind").asText());
        assertEquals(List.of("b", "c"), v.plan().stages().get(1).steps().stream().map(IntakeClient.PlanStep::stepId).toList());

        // intake's paths name the rows as the administrator typed them (the blank document row 1 was not sent)
        assertEquals(new FormErrors.Target("doc-2-copies", "Thành phần hồ sơ 3, số bản"), request.place().apply("documents[1].copies"));
        assertEquals(new FormErrors.Target("step-2-agency", "Bước 3, cơ quan thực hiện"),
                request.place().apply("plan.stages[1].steps[1].agencyCode"));
        assertEquals(new FormErrors.Target("step-1-share", "Bước 2, thời gian"), request.place().apply("plan.stages[0].steps[0].share.unit"));
        assertEquals("steps", request.place().apply("plan").input());
        assertEquals("timeValue", request.place().apply("statutoryTime.value").input());
        assertNull(request.place().apply("basedOnVersion"));
    }

    @Test
    void numbersThatAreNotAreRefusedBeforeIntakeIsAsked() {
        ProcedureForm.Request request = ProcedureForm.read(posted("name", "A", "timeValue", "năm",
                "doc-0-name", "Tờ khai", "doc-0-copies", "hai", "fee-0-name", "Phí", "fee-0-amount", "5k")).request(true, null);
        assertEquals("Thời hạn giải quyết: phải là số nguyên.", request.local().get("timeValue"));
        assertEquals("Thành phần hồ sơ 1, số bản: phải là số nguyên.", request.local().get("doc-0-copies"));
        assertTrue(request.local().get("fee-0-amount").startsWith("Khoản phí, lệ phí 1, số tiền"));
    }

    @Test
    void theEditorKeepsWhatWasTypedAndAddsSpareRows() {
        ProcedureForm form = ProcedureForm.read(posted("name", "A", "doc-0-name", "", "doc-1-name", "Tờ khai",
                "doc-1-form", "COPY", "doc-1-copies", "x")).withSpareRows();
        assertEquals(1 + ProcedureForm.SPARE_DOCUMENTS, form.documents().size());
        assertEquals("Tờ khai", form.documents().get(0).name());
        assertEquals("x", form.documents().get(0).copies());
        assertEquals(ProcedureForm.SPARE_STEPS, form.steps().size());
    }

    @Test
    void officeHoursGoByWeekdayAndIntakesPathsComeBackToTheirCells() {
        MultivaluedMap<String, String> form = posted("cutoff", "15:30",
                "MONDAY-0-opens", "7h30", "MONDAY-0-closes", "11:30", "MONDAY-1-opens", "", "MONDAY-1-closes", "",
                "MONDAY-2-opens", "13:00", "MONDAY-2-closes", "17:00",
                "TUESDAY-0-opens", "07:30", "TUESDAY-0-closes", "17:00",
                "SATURDAY-0-opens", "", "SATURDAY-0-closes", "");
        HoursForm typed = HoursForm.read(form);
        HoursForm.Request request = typed.request();
        assertEquals(List.of("MONDAY", "TUESDAY"), request.hours().days().stream().map(IntakeClient.Day::day).toList());
        assertEquals(2, request.hours().days().get(0).sessions().size());
        assertEquals("15:30", request.hours().cutoff());
        assertEquals("7h30", typed.days().get(0).sessions().get(0).opens(), "kept as typed");
        assertEquals(new FormErrors.Target("MONDAY-0-opens", "Thứ Hai, buổi 1, giờ mở cửa"),
                request.place().apply("days[0].sessions[0].opens"));
        // the second session sent is the third column typed
        assertEquals(new FormErrors.Target("MONDAY-2-closes", "Thứ Hai, buổi 3, giờ đóng cửa"),
                request.place().apply("days[0].sessions[1].closes"));
        assertEquals(new FormErrors.Target("TUESDAY", "Thứ Ba"), request.place().apply("days[1].sessions"));
        assertEquals("days", request.place().apply("days").input());
        assertEquals("cutoff", request.place().apply("cutoff").input());

        ServiceException refused = ServiceErrors.problem(400, """
                {"type":"urn:motcua:problem:validation-failed","status":400,
                 "errors":[{"field":"days[0].sessions[0].opens","message":"giờ dạng HH:mm, ví dụ 07:30"}]}""", null);
        FormErrors errors = FormErrors.of(refused, request.place());
        assertEquals("Thứ Hai, buổi 1, giờ mở cửa: giờ dạng HH:mm, ví dụ 07:30.", errors.under("MONDAY"));
        assertNull(errors.under("TUESDAY"));
    }

    @Test
    void aDayIsAddedToTheYearsTableOnlyWhenIntakeWouldTakeIt() {
        List<IntakeClient.CalendarEntry> year = List.of(
                new IntakeClient.CalendarEntry(LocalDate.of(2031, 1, 1), "Tết Dương lịch", "HOLIDAY"));
        CalendarEdit.Outcome ok = CalendarEdit.add(2031, year, new CalendarEdit.Typed("02/01/2031", "DAY_OFF", "Nghỉ bù", ""));
        assertFalse(ok.errors().any());
        assertEquals(2, ok.entries().size());
        assertEquals(LocalDate.of(2031, 1, 2), ok.entries().get(1).date());

        assertEquals("Ngày: ngày làm bù phải là thứ Bảy hoặc Chủ nhật.", CalendarEdit.add(2031, year,
                new CalendarEdit.Typed("2031-01-02", "MAKEUP_WORKDAY", "Làm bù", "")).errors().get("date"));
        assertTrue(CalendarEdit.add(2031, year, new CalendarEdit.Typed("01/01/2031", "DAY_OFF", "Nghỉ", ""))
                .errors().get("date").contains("đã có trong lịch („Tết Dương lịch“)"));
        CalendarEdit.Outcome bad = CalendarEdit.add(2031, year, new CalendarEdit.Typed("31/02/2031", "HOLIDAY", " ", ""));
        assertTrue(bad.errors().get("date").startsWith("Ngày: không có ngày này"));
        assertTrue(CalendarEdit.add(2031, year, new CalendarEdit.Typed(" ", "DAY_OFF", "Nghỉ", "")).errors().get("date")
                .startsWith("Ngày: bắt buộc"));
        assertTrue(bad.errors().has("kind"));
        assertTrue(bad.errors().has("name"));
        assertEquals("Ngày: phải thuộc năm 2031.", CalendarEdit.add(2031, year,
                new CalendarEdit.Typed("02/01/2032", "DAY_OFF", "Nghỉ", "")).errors().get("date"));

        // holidays stay; a day off goes
        assertEquals(year, CalendarEdit.remove(year, LocalDate.of(2031, 1, 1), "HOLIDAY"));
        assertEquals(year, CalendarEdit.remove(ok.entries(), LocalDate.of(2031, 1, 2), "DAY_OFF"));
        assertEquals(List.of(new IntakeClient.Source("QĐ 1/2031", null, null)), CalendarEdit.table(year, " QĐ 1/2031 ").sources());
        assertTrue(CalendarEdit.table(year, "").sources().isEmpty());
    }
}
