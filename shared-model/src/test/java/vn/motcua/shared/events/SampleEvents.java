package vn.motcua.shared.events;

import vn.motcua.shared.calendar.CalendarEntry;
import vn.motcua.shared.calendar.DayKind;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.catalog.CalendarYearPublished;
import vn.motcua.shared.events.catalog.OneStopUnitUpserted;
import vn.motcua.shared.events.catalog.ProcedureVersionPublished;
import vn.motcua.shared.events.catalog.ProcedureVersionRetired;
import vn.motcua.shared.events.catalog.RequiredDocument;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SupplementItem;
import vn.motcua.shared.events.notification.NotificationDeadLettered;
import vn.motcua.shared.events.notification.NotificationDelivered;
import vn.motcua.shared.events.notification.NotificationFailed;
import vn.motcua.shared.events.result.DossierRated;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.result.Satisfaction;
import vn.motcua.shared.events.routing.DeadlineScope;
import vn.motcua.shared.events.routing.DeadlineWarning;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierOverdue;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.DossierResumed;
import vn.motcua.shared.events.routing.DossierRouted;
import vn.motcua.shared.events.routing.FinancialObligationPaid;
import vn.motcua.shared.events.routing.FinancialObligationRequested;
import vn.motcua.shared.events.routing.PauseReason;
import vn.motcua.shared.events.routing.ScheduledStep;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.shared.events.routing.TaskClaimed;
import vn.motcua.shared.events.routing.TaskCompleted;
import vn.motcua.shared.events.routing.TaskReturned;
import vn.motcua.shared.events.routing.TaskTransferred;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic payload per registered event type: the newborn inter-agency procedure of the demo catalogue. */
final class SampleEvents {
    static final String CODE = "000.17.22.H56-251124-0007";
    static final String UNIT = "000.17.22.H56";
    static final UUID TASK = UUID.fromString("3f2c5a9e-7b1d-4e0a-9c8f-1a2b3c4d5e6f");
    static final UUID OBLIGATION = UUID.fromString("9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e");
    static final UUID NOTIFICATION = UUID.fromString("0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a");
    static final UUID TRIGGER = UUID.fromString("6f1d2c1e-0d7a-4a8e-9a55-0e9b6a1d2c3f");

    static OffsetDateTime at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00");
    }

    static RoutingPlanSnapshot newbornPlan() {
        return new RoutingPlanSnapshot("TP-XA-01", List.of(
                PlanStage.single(new PlanStep("s1-khai-sinh", "TP-XA-01", "Công chức Tư pháp - Hộ tịch xã",
                        "Đăng ký khai sinh", StatutoryTime.workingHours(4), StepFlow.DRAFT_REVIEW_SIGN)),
                PlanStage.parallel(
                        new PlanStep("s2-thuong-tru", "CA-XA-01", "Công an xã", "Đăng ký thường trú",
                                StatutoryTime.workingDays(2)),
                        new PlanStep("s3-bhyt", "BHXH-KV-01", "Bảo hiểm xã hội khu vực", "Cấp thẻ BHYT",
                                StatutoryTime.workingDays(2)))));
    }

    static final Applicant APPLICANT = new Applicant("Nguyễn Thị Hoa", "0912345678", "hoa.nguyen@example.vn",
            "Thôn Đông, xã Tân Lập, tỉnh Phú Thọ");

    static Map<EventType<?>, EventPayload> all() {
        OffsetDateTime received = at("2025-11-24T09:15:00");
        OffsetDateTime due = at("2025-11-27T17:00:00");
        return Map.ofEntries(
                Map.entry(EventTypes.DOSSIER_SUBMITTED, new DossierSubmitted(CODE, "LT-KS-TT-BHYT", 3,
                        "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
                        UNIT, at("2025-11-23T21:40:00"), APPLICANT, "kH3m0Qy6mQ3T1xJf2b0yYg6vVQeXUuVb2u4Q2s6vN1c",
                        "482913")),
                Map.entry(EventTypes.DOSSIER_RECEIVED, new DossierReceived(CODE, "LT-KS-TT-BHYT", 3,
                        "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
                        ReceptionChannel.COUNTER, UNIT, "counter1", received, due, StatutoryTime.workingDays(3),
                        new Applicant("Trần Văn Bình", "0912345678", "binh.tran@example.vn", "Thôn Đông, xã Tân Lập",
                                vn.motcua.shared.events.intake.ApplicantKind.REPRESENTATIVE, null, null, "Nguyễn Thị Hoa"),
                        "kH3m0Qy6mQ3T1xJf2b0yYg6vVQeXUuVb2u4Q2s6vN1c", "482913", newbornPlan(),
                        new ProcedureRules(true, true, List.of(
                                new RequiredDocument("Tờ khai đăng ký khai sinh", DocumentForm.ORIGINAL, 1, true),
                                new RequiredDocument("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, true))))),
                Map.entry(EventTypes.SUPPLEMENT_REQUESTED, new DossierSupplementRequested(CODE,
                        at("2025-11-25T10:00:00"), "tuphap1", "TP-XA-01", "Giấy chứng sinh bị mờ, không đọc được",
                        List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.CERTIFIED_COPY, 1, "bản rõ nét")),
                        LocalDate.of(2025, 12, 5))),
                Map.entry(EventTypes.SUPPLEMENT_SUPPLIED, new DossierSupplementSupplied(CODE, at("2025-11-26T08:30:00"),
                        "counter1", List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.CERTIFIED_COPY, 1, null)),
                        null)),
                Map.entry(EventTypes.DOSSIER_REFUSED, new DossierRefused(CODE, UNIT, at("2025-11-24T09:40:00"),
                        "counter1", List.of("Trẻ đã quá 6 tuổi, không thuộc đối tượng của thủ tục liên thông",
                        "Đề nghị thực hiện từng thủ tục riêng"), new Applicant("Lê Văn Cường", "0987654321", null, null,
                        vn.motcua.shared.events.intake.ApplicantKind.ORGANISATION, "Công ty TNHH Phú Thọ Xanh",
                        "2600123456", null))),
                Map.entry(EventTypes.DOSSIER_WITHDRAWN, new DossierWithdrawn(CODE, at("2025-11-25T14:00:00"),
                        "counter1", "Gia đình chuyển nơi cư trú")),
                Map.entry(EventTypes.SUBMISSION_UNCHECKED, new vn.motcua.shared.events.intake.SubmissionUnchecked(CODE,
                        "000.00.31.H29", "LT-KS-TT-BHYT", at("2025-11-24T20:00:00"), at("2025-11-25T17:00:00"),
                        at("2025-11-25T17:01:00"))),
                Map.entry(EventTypes.DOSSIER_ROUTED, new DossierRouted(CODE, at("2025-11-24T09:16:00"), due, List.of(
                        new ScheduledStep("s1-khai-sinh", "TP-XA-01", 1, at("2025-11-24T14:15:00")),
                        new ScheduledStep("s2-thuong-tru", "CA-XA-01", 2, due),
                        new ScheduledStep("s3-bhyt", "BHXH-KV-01", 2, due)))),
                Map.entry(EventTypes.TASK_ASSIGNED, new TaskAssigned(CODE, TASK, "s1-khai-sinh", "TP-XA-01",
                        "Công chức Tư pháp - Hộ tịch xã", UNIT, at("2025-11-24T09:16:00"), at("2025-11-24T14:15:00"))),
                Map.entry(EventTypes.TASK_CLAIMED, new TaskClaimed(CODE, TASK, "s1-khai-sinh", "TP-XA-01", "tuphap1",
                        at("2025-11-24T09:30:00"))),
                Map.entry(EventTypes.TASK_COMPLETED, new TaskCompleted(CODE, TASK, "s1-khai-sinh", "TP-XA-01", "tuphap1",
                        at("2025-11-24T11:00:00"), Outcome.APPROVED, "Đã cấp giấy khai sinh",
                        Map.of("birthRegistrationNumber", "125/2025"), true)),
                Map.entry(EventTypes.TASK_RETURNED, new TaskReturned(CODE, TASK, "s2-thuong-tru", "CA-XA-01", "congan1",
                        at("2025-11-25T09:00:00"), "s1-khai-sinh", "TP-XA-01", "Sai ngày sinh trên giấy khai sinh")),
                Map.entry(EventTypes.TASK_OFFICER_ASSIGNED, new vn.motcua.shared.events.routing.TaskOfficerAssigned(CODE,
                        TASK, "s1-khai-sinh", "TP-XA-01", "tuphap2", "tuphap1", "tuphap-lead1", null,
                        at("2025-11-24T09:20:00"))),
                Map.entry(EventTypes.TASK_DRAFTED, new vn.motcua.shared.events.routing.TaskDrafted(CODE, TASK,
                        "s1-khai-sinh", "TP-XA-01", "tuphap2", at("2025-11-24T10:00:00"), Outcome.APPROVED,
                        "Dự thảo giấy khai sinh")),
                Map.entry(EventTypes.TASK_REVIEWED, new vn.motcua.shared.events.routing.TaskReviewed(CODE, TASK,
                        "s1-khai-sinh", "TP-XA-01", "tuphap1", at("2025-11-24T10:20:00"), false,
                        "Sai tên cha trong dự thảo")),
                Map.entry(EventTypes.TASK_SIGNED, new vn.motcua.shared.events.routing.TaskSigned(CODE, TASK,
                        "s1-khai-sinh", "TP-XA-01", "tuphap2", "tuphap-lead1", "KT.", "12/2025/TP-XA-01",
                        LocalDate.of(2025, 11, 24), Outcome.APPROVED, at("2025-11-24T10:50:00"))),
                Map.entry(EventTypes.DELEGATION_GRANTED, new vn.motcua.shared.events.routing.DelegationGranted(
                        TASK, "TP-XA-01", "tuphap-lead1", "tuphap2", vn.motcua.shared.events.routing.DelegationScope.SIGN,
                        LocalDate.of(2025, 11, 24), LocalDate.of(2025, 11, 28), "Trưởng phòng đi công tác",
                        at("2025-11-21T16:00:00"), vn.motcua.shared.events.routing.SignatureMark.TL)),
                Map.entry(EventTypes.DELEGATION_REVOKED, new vn.motcua.shared.events.routing.DelegationRevoked(
                        TASK, "TP-XA-01", "tuphap2", vn.motcua.shared.events.routing.DelegationScope.SIGN,
                        "tuphap-lead1", at("2025-11-26T08:00:00"))),
                Map.entry(EventTypes.TASK_TRANSFERRED, new TaskTransferred(CODE, TASK, "s3-bhyt", "BHXH-KV-01",
                        "BHXH-KV-02", "Bảo hiểm xã hội khu vực II", "bhxh1", at("2025-11-25T10:00:00"),
                        "Nơi cư trú thuộc địa bàn khu vực II")),
                Map.entry(EventTypes.DOSSIER_PAUSED, new DossierPaused(CODE, at("2025-11-25T10:00:00"),
                        PauseReason.SUPPLEMENT_REQUESTED, due, "Chờ bổ sung giấy chứng sinh", "TP-XA-01", "tuphap1",
                        List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, "Bản chính")),
                        LocalDate.of(2025, 12, 9))),
                Map.entry(EventTypes.DOSSIER_RESUMED, new DossierResumed(CODE, at("2025-11-26T08:30:00"),
                        at("2025-11-25T10:00:00"), due, at("2025-11-28T15:30:00"), at("2025-11-28T15:30:00"))),
                Map.entry(EventTypes.OBLIGATION_REQUESTED, new FinancialObligationRequested(CODE, OBLIGATION, "THUE-01",
                        12_500_000L, "Lệ phí trước bạ nhà, đất", at("2025-11-25T15:00:00"), LocalDate.of(2025, 12, 25))),
                Map.entry(EventTypes.OBLIGATION_PAID, new FinancialObligationPaid(CODE, OBLIGATION, 12_500_000L,
                        at("2025-11-27T08:05:00"), "KBNN-2025-000123")),
                Map.entry(EventTypes.PROCESSING_STOPPED, new DossierProcessingStopped(CODE, "CA-XA-01", "congan1",
                        at("2025-12-08T16:00:00"), "Quá thời hạn bổ sung hồ sơ mà công dân không bổ sung")),
                Map.entry(EventTypes.EXTENSION_GRANTED, new DossierExtensionGranted(CODE, at("2025-11-26T16:00:00"),
                        "CA-XA-01", "Công an xã", "Hệ thống cơ sở dữ liệu cư trú gián đoạn", due,
                        at("2025-12-01T17:00:00"), "12/XL-CAX", "Trần Văn Nam", due)),
                Map.entry(EventTypes.DEADLINE_WARNING, new DeadlineWarning(CODE, DeadlineScope.TASK, TASK, "CA-XA-01",
                        due, at("2025-11-26T08:00:00"))),
                Map.entry(EventTypes.DOSSIER_OVERDUE, new DossierOverdue(CODE, DeadlineScope.DOSSIER, null, null, due,
                        at("2025-11-27T17:01:00"))),
                Map.entry(EventTypes.SUPPLEMENT_OVERDUE, new vn.motcua.shared.events.routing.SupplementOverdue(CODE,
                        "cong-an", "CA-XA-01", at("2025-11-25T10:00:00"), LocalDate.of(2025, 12, 5),
                        at("2025-12-06T00:01:00"))),
                Map.entry(EventTypes.DOSSIER_PROCESSED, new DossierProcessed(CODE, at("2025-11-27T10:00:00"),
                        Outcome.APPROVED, "TP-XA-01", null, due, true, due)),
                Map.entry(EventTypes.RESULT_RETURNED, new ResultReturned(CODE, at("2025-11-27T15:00:00"),
                        ReturnChannel.POST, "Nguyễn Thị Hoa", "EB123456789VN", "counter1", true, null)),
                Map.entry(EventTypes.DOSSIER_RATED, new DossierRated(CODE, at("2025-11-28T20:00:00"), true, 1, 1,
                        Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.VERY_SATISFIED,
                        "Thủ tục nhanh, cán bộ nhiệt tình")),
                Map.entry(EventTypes.NOTIFICATION_DELIVERED, new NotificationDelivered(CODE, NOTIFICATION, TRIGGER,
                        DossierReceived.TYPE, NotificationChannel.SMS, "09******78", 1, at("2025-11-24T09:15:30"))),
                Map.entry(EventTypes.NOTIFICATION_FAILED, new NotificationFailed(CODE, NOTIFICATION, TRIGGER,
                        DossierReceived.TYPE, NotificationChannel.EMAIL, "h***@example.vn", 2, at("2025-11-24T09:16:00"),
                        "SMTP 451 4.7.1 try again later", at("2025-11-24T09:20:00"))),
                Map.entry(EventTypes.NOTIFICATION_DEAD_LETTERED, new NotificationDeadLettered(CODE, NOTIFICATION,
                        TRIGGER, DossierReceived.TYPE, NotificationChannel.WEBHOOK, "https://hook.example.vn/***", 8,
                        at("2025-11-24T21:00:00"), "HTTP 503 Service Unavailable")),
                Map.entry(EventTypes.PROCEDURE_VERSION_PUBLISHED, new ProcedureVersionPublished("LT-KS-TT-BHYT", 3,
                        "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
                        "Hộ tịch", LocalDate.of(2025, 7, 1), null, StatutoryTime.workingDays(3), newbornPlan(),
                        List.of(new RequiredDocument("Tờ khai đăng ký khai sinh", DocumentForm.ORIGINAL, 1, true),
                                new RequiredDocument("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, true),
                                new RequiredDocument("Tờ khai thay đổi thông tin cư trú", DocumentForm.ORIGINAL, 1, true),
                                new RequiredDocument("Tờ khai tham gia bảo hiểm y tế", DocumentForm.ORIGINAL, 1, true)),
                        null, true, true, at("2025-06-20T08:00:00"))),
                Map.entry(EventTypes.PROCEDURE_VERSION_RETIRED, new ProcedureVersionRetired("LT-KS-TT-BHYT", 2,
                        LocalDate.of(2025, 6, 30), at("2025-06-20T08:00:00"))),
                Map.entry(EventTypes.AGENCY_UPSERTED, new AgencyUpserted("CA-XA-01", "Công an xã Tân Lập", null,
                        List.of(new Contact(NotificationChannel.EMAIL, "congan.tanlap@example.vn", "Tiếp nhận"),
                                new Contact(NotificationChannel.WEBHOOK, "https://ca.example.vn/hooks/motcua", null)),
                        true, at("2025-06-01T08:00:00"))),
                Map.entry(EventTypes.UNIT_UPSERTED, new OneStopUnitUpserted(UNIT, "Bộ phận Một cửa UBND xã Tân Lập",
                        "UBND xã Tân Lập, tỉnh Phú Thọ",
                        List.of(new Contact(NotificationChannel.SMS, "0210123456", null)), true,
                        at("2025-06-01T08:00:00"))),
                Map.entry(EventTypes.CALENDAR_YEAR_PUBLISHED, new CalendarYearPublished(2025, List.of(
                        new CalendarEntry(LocalDate.of(2025, 4, 26), DayKind.MAKEUP_WORKDAY, "Làm bù cho 02/5/2025"),
                        new CalendarEntry(LocalDate.of(2025, 4, 30), DayKind.HOLIDAY, "Ngày Chiến thắng"),
                        new CalendarEntry(LocalDate.of(2025, 5, 2), DayKind.DAY_OFF, "Nghỉ hoán đổi")),
                        List.of("Thông báo 6150/TB-BLĐTBXH (2024)"), at("2025-01-02T08:00:00"), "admin1")));
    }

    private SampleEvents() {
    }
}
