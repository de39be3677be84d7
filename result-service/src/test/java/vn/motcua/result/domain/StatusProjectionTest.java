package vn.motcua.result.domain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.crypto.Hmacs;
import vn.motcua.result.support.Events;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SupplementItem;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.DossierResumed;
import vn.motcua.shared.events.routing.FinancialObligationPaid;
import vn.motcua.shared.events.routing.FinancialObligationRequested;
import vn.motcua.shared.events.routing.PauseReason;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.shared.events.routing.TaskReturned;
import vn.motcua.shared.events.routing.TaskTransferred;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Every event that changes what a citizen sees, through the real topics, in order and out of order. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class StatusProjectionTest {
    private static final String UNIT = "000.00.41.H29";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final OffsetDateTime T0 =
            OffsetDateTime.now(EventJson.VIETNAM).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
    private static final String CITIZEN_ID = "001099012345";
    private static final String CITIZEN_LINK = Hmacs.sha256Hex("dev-only-citizen-link-key-change-me", CITIZEN_ID);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    StatusProjection projection;
    Events events;

    @BeforeEach
    void setUp() throws SQLException {
        events = new Events(bootstrap, dataSource);
        events.forgetMisses();
    }

    @Test
    void onlineSubmissionThroughTheCheckToReceptionKeepsThePinOfSubmitted() {
        String code = newCode();
        events.sendAndAwait(submitted(code, "314159", T0));
        status(code, "314159").body("nationalStatusCode", equalTo(1)).body("state", equalTo("SUBMITTED"))
                .body("status", equalTo("Mới đăng ký"));

        events.sendAndAwait(new DossierSupplementRequested(code, T0.plusHours(1), "counter1", null,
                "Thiếu giấy chứng sinh", List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, null)),
                null));
        status(code, "314159").body("nationalStatusCode", equalTo(5))
                .body("state", equalTo("SUBMISSION_SUPPLEMENT_REQUESTED"))
                .body("timeline[1].note", equalTo("Yêu cầu bổ sung, hoàn thiện hồ sơ: Thiếu giấy chứng sinh (Giấy chứng sinh)"));

        events.sendAndAwait(new DossierSupplementSupplied(code, T0.plusHours(2), null,
                List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, null)), null));
        status(code, "314159").body("nationalStatusCode", equalTo(1));

        // `received` of an online submission carries no PIN: the one from `submitted` still opens it
        events.sendAndAwait(Events.received(code, null, ReceptionChannel.ONLINE, "PRJ-P", "PRJ-A", T0.plusHours(3),
                T0.plusDays(7), CITIZEN_LINK));
        status(code, "314159").body("nationalStatusCode", equalTo(2)).body("state", equalTo("RECEIVED"))
                .body("appointmentAt", equalTo(iso(T0.plusDays(7))))
                .body("timeline.status", contains("Mới đăng ký", "Yêu cầu bổ sung", "Mới đăng ký", "Được tiếp nhận"));

        // the logged-in citizen finds it by the HMAC of the ID in their token, another citizen does not
        given().auth().oauth2(TestTokens.citizen("citizen1", CITIZEN_ID))
                .when().get("/api/public/my-dossiers?size=500")
                .then().statusCode(200)
                .body("items.code", hasItem(code))
                .body("items.find { it.code == '" + code + "' }.nationalStatusCode", equalTo(2));
        given().auth().oauth2(TestTokens.citizen("citizen2", "001099099999"))
                .when().get("/api/public/my-dossiers")
                .then().statusCode(200).body("items.code", not(hasItem(code)));
    }

    @Test
    void myDossiersNeedsACitizenWithAnId() {
        given().when().get("/api/public/my-dossiers").then().statusCode(401);
        given().auth().oauth2(TestTokens.counterOfficer("counter1", UNIT))
                .when().get("/api/public/my-dossiers").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("citizen9", java.util.Set.of("citizen"), java.util.Map.of()))
                .when().get("/api/public/my-dossiers")
                .then().statusCode(403).body("type", equalTo("urn:motcua:problem:no-citizen-id"));
        given().auth().oauth2(TestTokens.citizen("citizen1", CITIZEN_ID))
                .when().get("/api/public/my-dossiers?page=abc").then().statusCode(400);
    }

    @Test
    void refusalAtTheCheckIsStatusThree() {
        String code = newCode();
        events.sendAndAwait(submitted(code, "271828", T0),
                new DossierRefused(code, UNIT, T0.plusHours(1), "counter1", List.of("Không thuộc thẩm quyền"), null));
        status(code, "271828").body("nationalStatusCode", equalTo(3)).body("state", equalTo("REFUSED"))
                .body("onTime", nullValue())
                .body("timeline[1].note", equalTo("Hồ sơ không được tiếp nhận. Lý do: Không thuộc thẩm quyền"));
    }

    @Test
    void processingWithTransferSupplementObligationAndExtension() {
        String code = newCode();
        OffsetDateTime due = T0.plusDays(5);
        OffsetDateTime resumedDue = due.plusDays(1);
        OffsetDateTime extendedDue = resumedDue.plusDays(3);
        events.sendAndAwait(Events.received(code, "161803", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-B", T0, due, null),
                assigned(code, "PRJ-A", T0.plusMinutes(5)));
        status(code, "161803").body("nationalStatusCode", equalTo(4)).body("currentAgency", equalTo("PRJ-A"))
                .body("currentAgencyName", equalTo("Cơ quan PRJ-A")).body("onTime", equalTo(true));

        events.sendAndAwait(new TaskTransferred(code, UUID.randomUUID(), "buoc-1", "PRJ-A", "PRJ-C", "Cơ quan PRJ-C",
                "tuphap1", T0.plusMinutes(30), "Đúng thẩm quyền"));
        status(code, "161803").body("currentAgency", equalTo("PRJ-C"))
                .body("timeline[2].note", equalTo("Hồ sơ được chuyển đến Cơ quan PRJ-C"));

        events.sendAndAwait(new TaskReturned(code, UUID.randomUUID(), "buoc-1", "PRJ-C", "congan1", T0.plusHours(1),
                "buoc-0", "PRJ-A", "Cần xác minh lại"));
        status(code, "161803").body("currentAgency", equalTo("PRJ-A")).body("currentAgencyName", equalTo("Cơ quan PRJ-A"))
                .body("timeline[3].note", equalTo("Hồ sơ được chuyển lại cho Cơ quan PRJ-A"));

        // the in-process supplement: routing pauses, intake issues Form 02, the citizen supplies, routing resumes
        OffsetDateTime pausedAt = T0.plusHours(2);
        events.sendAndAwait(new DossierPaused(code, pausedAt, PauseReason.SUPPLEMENT_REQUESTED, due, null, "PRJ-A",
                        "tuphap1", List.of(new SupplementItem("Tờ khai", null, null, null))),
                new DossierSupplementRequested(code, pausedAt, "tuphap1", "PRJ-A", "Tờ khai chưa ký",
                        List.of(new SupplementItem("Tờ khai", null, null, null)), null));
        status(code, "161803").body("nationalStatusCode", equalTo(5)).body("state", equalTo("SUPPLEMENT_REQUESTED"))
                .body("paused", equalTo(true)).body("onTime", nullValue());
        events.sendAndAwait(new DossierSupplementSupplied(code, T0.plusDays(1), "counter1",
                        List.of(new SupplementItem("Tờ khai", null, null, null)), null),
                new DossierResumed(code, T0.plusDays(1), pausedAt, due, resumedDue));
        status(code, "161803").body("nationalStatusCode", equalTo(4)).body("paused", equalTo(false))
                .body("appointmentAt", equalTo(iso(resumedDue)));

        events.sendAndAwait(new FinancialObligationRequested(code, UUID.randomUUID(), "PRJ-A", 1_500_000L, "Lệ phí",
                T0.plusDays(1).plusHours(1), null));
        status(code, "161803").body("nationalStatusCode", equalTo(6))
                .body("timeline[-1].note", equalTo("Yêu cầu thực hiện nghĩa vụ tài chính: Lệ phí (1.500.000 đồng)"));
        events.sendAndAwait(new FinancialObligationPaid(code, UUID.randomUUID(), 1_500_000L, T0.plusDays(1).plusHours(2), "GD1"));
        status(code, "161803").body("nationalStatusCode", equalTo(4));

        events.sendAndAwait(new DossierExtensionGranted(code, T0.plusDays(1).plusHours(3), "PRJ-A", "Cơ quan PRJ-A",
                "Cần xác minh thực địa", resumedDue, extendedDue, "15/XL-PRJA", "Trưởng phòng"));
        status(code, "161803").body("appointmentAt", equalTo(iso(extendedDue)))
                .body("timeline[-1].note", containsString("Xin lỗi và hẹn lại ngày trả kết quả"));

        events.sendAndAwait(new DossierProcessed(code, T0.plusDays(1).plusHours(4), Outcome.APPROVED, "PRJ-B",
                "ghi chú nội bộ: CCCD 001090012345 đã đối chiếu", extendedDue, true));
        status(code, "161803").body("nationalStatusCode", equalTo(9)).body("currentAgency", nullValue())
                .body("timeline.note", everyItem(not(containsString("001090012345"))))
                .body("timeline.note", everyItem(not(containsString("Cần xác minh lại"))))
                .body("onTime", equalTo(true))
                .body("timeline.status", contains("Được tiếp nhận", "Đang xử lý", "Đang xử lý", "Đang xử lý",
                        "Yêu cầu bổ sung", "Đang xử lý", "Đang xử lý", "Yêu cầu nghĩa vụ tài chính", "Đang xử lý",
                        "Đang xử lý", "Đã xử lý xong"));
    }

    @Test
    void stoppedProcessingIsStatusEight() {
        String code = newCode();
        events.sendAndAwait(Events.received(code, "141421", ReceptionChannel.POSTAL, "PRJ-P", "PRJ-B", T0,
                T0.plusDays(5), null), new DossierProcessingStopped(code, "PRJ-B", "bhxh1", T0.plusHours(4),
                "Người nộp không bổ sung hồ sơ"));
        status(code, "141421").body("nationalStatusCode", equalTo(8)).body("state", equalTo("STOPPED"))
                .body("onTime", nullValue());
    }

    @Test
    void resumeOvertakingItsPauseAndTheReceptionEndsTheSame() {
        String code = newCode();
        OffsetDateTime due = T0.plusDays(5);
        OffsetDateTime pausedAt = T0.plusHours(1);
        // routing's events first, resumed even before paused, then intake's reception
        events.sendAndAwait(new DossierResumed(code, T0.plusHours(5), pausedAt, due, due.plusDays(1)),
                new DossierPaused(code, pausedAt, PauseReason.FINANCIAL_OBLIGATION, due, null, "PRJ-B", null, null),
                Events.received(code, "173205", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-B", T0, due, null));
        status(code, "173205").body("nationalStatusCode", equalTo(4)).body("paused", equalTo(false))
                .body("appointmentAt", equalTo(iso(due.plusDays(1))))
                .body("procedureName", equalTo("Thủ tục PRJ-P"));
    }

    @Test
    void aTaskAssignedBeforeTheReceptionArrivesKeepsItsAgencyWhateverItsTimePrecision() {
        // Routing's clock has nanoseconds; PostgreSQL keeps microseconds and rounds. When the task's event is the
        // first one result sees (its topic ran ahead of intake's, as under load), the row it creates must still
        // hold the agency: found by the load benchmark, where most dossiers showed no current agency.
        String code = newCode();
        OffsetDateTime assignedAt = T0.plusHours(2).plusNanos(36_256_504);
        events.sendAndAwait(assigned(code, "PRJ-A", assignedAt),
                Events.received(code, "271828", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-A", T0, T0.plusDays(5), null));
        status(code, "271828").body("nationalStatusCode", equalTo(4)).body("currentAgency", equalTo("PRJ-A"))
                .body("timeline.status", contains("Được tiếp nhận", "Đang xử lý"));
    }

    /**
     * Issue 17: an agency's action racing the withdrawal is dated after it (routing had not seen it yet). Before,
     * the later business time won and the citizen saw "in process" for good, after "Công dân xin rút".
     */
    @Test
    void aWithdrawalIsFinalOverWhateverRacedItInEitherOrderOfArrival() {
        OffsetDateTime withdrawnAt = T0.plusHours(3);
        // the race's events arrive after the withdrawal
        String late = newCode();
        events.sendAndAwait(Events.received(late, "101010", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-A", T0, T0.plusDays(5), null));
        events.sendAndAwait(new DossierWithdrawn(late, withdrawnAt, "counter1", "Không còn nhu cầu"));
        events.sendAndAwait(assigned(late, "PRJ-B", withdrawnAt.plusSeconds(2)),
                new DossierProcessed(late, withdrawnAt.plusSeconds(5), Outcome.APPROVED, "PRJ-A", null, T0.plusDays(5), true));
        status(late, "101010").body("nationalStatusCode", equalTo(7)).body("state", equalTo("WITHDRAWN"))
                .body("currentAgency", nullValue())
                .body("timeline.status", contains("Được tiếp nhận", "Công dân xin rút"));

        // the race's events arrive first, the withdrawal last
        String early = newCode();
        events.sendAndAwait(Events.received(early, "202020", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-A", T0, T0.plusDays(5), null));
        events.sendAndAwait(assigned(early, "PRJ-B", withdrawnAt.plusSeconds(2)),
                new DossierPaused(early, withdrawnAt.plusSeconds(3), PauseReason.SUPPLEMENT_REQUESTED, T0.plusDays(5),
                        "Thiếu giấy", "PRJ-B", "congan1", List.of()));
        status(early, "202020").body("nationalStatusCode", equalTo(5));
        events.sendAndAwait(new DossierWithdrawn(early, withdrawnAt, "counter1", "Không còn nhu cầu"));
        status(early, "202020").body("nationalStatusCode", equalTo(7)).body("state", equalTo("WITHDRAWN"))
                .body("currentAgency", nullValue())
                .body("timeline.status", contains("Được tiếp nhận", "Công dân xin rút"));

        // all in one transaction, as the replay applies a topic's batch: the racing line, held until the commit
        // (issue 18), is written before the withdrawal deletes it
        String together = newCode();
        QuarkusTransaction.requiringNew().run(() -> {
            projection.apply(new StatusProjection.EventRef(UUID.randomUUID(), 1L), Events.received(together, "212121",
                    ReceptionChannel.COUNTER, "PRJ-P", "PRJ-A", T0, T0.plusDays(5), null));
            projection.apply(new StatusProjection.EventRef(UUID.randomUUID(), 3L),
                    assigned(together, "PRJ-B", withdrawnAt.plusSeconds(2)));
            projection.apply(new StatusProjection.EventRef(UUID.randomUUID(), 2L),
                    new DossierWithdrawn(together, withdrawnAt, "counter1", "Không còn nhu cầu"));
        });
        status(together, "212121").body("nationalStatusCode", equalTo(7))
                .body("timeline.status", contains("Được tiếp nhận", "Công dân xin rút"));
    }

    @Test
    void aStopOrAReturnStaysWhateverLaterNonFinalEventSays() {
        String code = newCode();
        events.sendAndAwait(Events.received(code, "303030", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-B", T0, T0.plusDays(5), null),
                new DossierProcessingStopped(code, "PRJ-B", "bhxh1", T0.plusHours(4), "Hồ sơ giả mạo"));
        events.sendAndAwait(assigned(code, "PRJ-C", T0.plusHours(5)));
        status(code, "303030").body("nationalStatusCode", equalTo(8)).body("currentAgency", nullValue())
                .body("timeline.status", not(hasItem("Đang xử lý")));
    }

    /**
     * Issue 20, item 4: a dossier routing returned to the applicant because the supply-by date lapsed shows national
     * status 8 with a timeline note that says it was returned and why; one it stopped says it was stopped.
     */
    @Test
    void aDossierReturnedForALapsedSupplementSaysSoOnTheCitizensPage() {
        String returned = newCode();
        String reason = "Quá hạn bổ sung hồ sơ (hạn 01/12/2025) mà chưa nhận được hồ sơ bổ sung; hồ sơ được trả lại"
                + " cho người nộp theo quy định của thủ tục.";
        events.sendAndAwait(Events.received(returned, "404040", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-B", T0,
                        T0.plusDays(5), null),
                new DossierProcessingStopped(returned, "PRJ-B", "routing-service", T0.plusDays(8), reason,
                        SupplementLapse.RETURN));
        status(returned, "404040").body("nationalStatusCode", equalTo(8)).body("currentAgency", nullValue())
                .body("timeline[-1].note", equalTo("Trả lại hồ sơ cho người nộp. Lý do: " + reason));
        String stopped = newCode();
        events.sendAndAwait(Events.received(stopped, "505050", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-B", T0,
                        T0.plusDays(5), null),
                new DossierProcessingStopped(stopped, "PRJ-B", "routing-service", T0.plusDays(8), "Quá hạn bổ sung",
                        SupplementLapse.STOP));
        status(stopped, "505050").body("nationalStatusCode", equalTo(8))
                .body("timeline[-1].note", equalTo("Dừng giải quyết hồ sơ. Lý do: Quá hạn bổ sung"));
    }

    private static DossierSubmitted submitted(String code, String pin, OffsetDateTime at) {
        return new DossierSubmitted(code, "PRJ-P", 1, "Thủ tục PRJ-P", UNIT, at,
                new Applicant("Lê Văn Cường", null, "cuong@example.com", null), CITIZEN_LINK, pin);
    }

    /**
     * Issue 24: the draft, the review that passed and the signature reach the citizen's timeline in plain
     * Vietnamese with the document's number and date; a send-back and its reason stay inside the agency.
     */
    @Test
    void draftReviewAndSignatureReachTheTimelineButNotASendBack() {
        String code = newCode();
        UUID task = UUID.randomUUID();
        events.sendAndAwait(Events.received(code, "112358", ReceptionChannel.COUNTER, "PRJ-P", "PRJ-A", T0,
                        T0.plusDays(5), null), assigned(code, "PRJ-A", T0.plusMinutes(5)),
                new vn.motcua.shared.events.routing.TaskDrafted(code, task, "buoc-1", "PRJ-A", "tuphap2",
                        T0.plusHours(1), Outcome.APPROVED, null),
                new vn.motcua.shared.events.routing.TaskReviewed(code, task, "buoc-1", "PRJ-A", "tuphap1",
                        T0.plusHours(2), false, "Sai tên cha của 001099012345"),
                new vn.motcua.shared.events.routing.TaskReviewed(code, task, "buoc-1", "PRJ-A", "tuphap1",
                        T0.plusHours(3), true, null),
                new vn.motcua.shared.events.routing.TaskSigned(code, task, "buoc-1", "PRJ-A", "tuphap2", "tuphap-lead1",
                        "KT.", "7/2026/PRJ-A", java.time.LocalDate.of(2026, 12, 4), Outcome.APPROVED, T0.plusHours(4)));
        status(code, "112358").body("nationalStatusCode", equalTo(4))
                .body("timeline.note", org.hamcrest.Matchers.hasItems(
                        "Đã dự thảo kết quả giải quyết tại Cơ quan PRJ-A",
                        "Dự thảo kết quả đã được thẩm định, chờ lãnh đạo Cơ quan PRJ-A ký duyệt",
                        "Lãnh đạo Cơ quan PRJ-A đã ký duyệt (cấp phó ký thay thủ trưởng), văn bản số 7/2026/PRJ-A"
                                + " ngày 04/12/2026"))
                .body("timeline.size()", equalTo(5))
                .body("timeline.note", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(
                        containsString("Sai tên cha"))));
    }

    private static TaskAssigned assigned(String code, String agency, OffsetDateTime at) {
        return new TaskAssigned(code, UUID.randomUUID(), "buoc-1", agency, Events.agencyName(agency), UNIT, at,
                at.plusDays(3));
    }

    private static io.restassured.response.ValidatableResponse status(String code, String pin) {
        return given().when().get("/api/public/dossiers/{code}?pin={pin}", code, pin).then().statusCode(200);
    }

    private static String iso(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String newCode() {
        return DossierCode.format(UNIT, T0, SEQUENCE.incrementAndGet());
    }
}
