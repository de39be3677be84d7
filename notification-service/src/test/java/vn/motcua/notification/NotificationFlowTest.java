package vn.motcua.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.notification.domain.Deliveries;
import vn.motcua.notification.domain.Directory;
import vn.motcua.notification.domain.Planner;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.Contact;
import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SupplementItem;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DeadlineScope;
import vn.motcua.shared.events.routing.DossierOverdue;
import vn.motcua.shared.events.routing.DossierPaused;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.FinancialObligationRequested;
import vn.motcua.shared.events.routing.PauseReason;
import vn.motcua.shared.events.routing.TaskAssigned;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.Rows;
import vn.motcua.testsupport.TestTokens;
import vn.motcua.testsupport.TopicReader;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events on the real topics → rules → deliveries in PostgreSQL → a real SMTP server (GreenMail) and real
 * HTTP receivers (SMS gateway, webhooks) → the log API and the outcome events. The test profile's retry
 * schedule is fast: 6 attempts, waits 0.3 s doubling to a 1.2 s cap, 20 % jitter, a worker tick each second, so it keeps
 * trying for at least (0.3 + 0.6 + 1.2 + 1.2 + 1.2) × 0.8 = 3.6 s.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(Receivers.class)
class NotificationFlowTest {
    private static final String UNIT = "000.00.31.H29";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final OffsetDateTime NOW = OffsetDateTime.now(EventJson.VIETNAM).truncatedTo(ChronoUnit.SECONDS);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Receivers.Inject
    Receivers receivers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Deliveries deliveries;

    @Inject
    Directory directory;

    @Inject
    Planner planner;

    @Inject
    vn.motcua.notification.messaging.Housekeeping housekeeping;

    @Inject
    vn.motcua.notification.messaging.DeliveryWorker worker;

    @Test
    void receptionTellsTheApplicantByEmailAndSmsWithCodeAppointmentAndPin() throws Exception {
        String code = newCode();
        String email = "an." + SEQUENCE.get() + "@example.com";
        String phone = "09123456" + String.format("%02d", SEQUENCE.get() % 100);
        send(Topics.INTAKE, received(code, email, phone, "482913"));

        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 1 && smsFor(code).size() == 1);
        MimeMessage mail = receivers.mailTo(email).get(0);
        assertEquals("Hồ sơ " + code + " đã được tiếp nhận", mail.getSubject());
        String body = mail.getContent().toString();
        assertTrue(body.contains("Kính gửi Nguyễn Văn An"), body);
        assertTrue(body.contains("Mã PIN tra cứu: 482913"), body);
        assertTrue(body.contains("Thủ tục: Liên thông khai sinh"), body);
        assertTrue(body.contains("Ngày hẹn trả kết quả: "
                + NOW.plusDays(14).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy"))), body);
        Receivers.Request sms = smsFor(code).get(0);
        assertTrue(sms.body().contains("\"to\":\"" + phone + "\""), sms.body());
        assertTrue(sms.body().contains("Mã PIN tra cứu: 482913"), sms.body());

        await().atMost(WAIT).until(() -> outcomes(code).equals(List.of("DELIVERED", "DELIVERED")));
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?dossier={code}", code)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.channel", containsInAnyOrder("EMAIL", "SMS"))
                .body("items.audience", everyItem(equalTo("APPLICANT")))
                .body("items.outcome", everyItem(equalTo("DELIVERED")))
                .body("items.attempts", everyItem(equalTo(1)))
                .body("items.recipient", containsInAnyOrder("a***@example.com", phone.substring(0, 2) + "******" + phone.substring(8)))
                .body("items[0].at", endsWith("+07:00"))
                .body(not(containsString(email)))
                .body(not(containsString(phone)))
                .body(not(containsString("482913")));
        // the body holding the PIN is gone once delivered
        assertEquals(0, count("select count(*) from delivery where dossier_code = ? and body is not null", code));

        List<ConsumerRecord<String, String>> outcomes = TopicReader.read(bootstrap, Topics.NOTIFICATION, 1,
                Duration.ofSeconds(1), WAIT).stream().filter(r -> code.equals(r.key())).toList();
        assertEquals(2, outcomes.size());
        assertTrue(outcomes.stream().allMatch(r -> r.value().contains("vn.motcua.notification.delivered.v1")));
        assertTrue(outcomes.stream().noneMatch(r -> r.value().contains(email) || r.value().contains("482913")));
    }

    @Test
    void laterEventsReachTheApplicantFromTheLocalCopyAndTheCopyEndsWithTheDossier() throws Exception {
        String code = newCode();
        String email = "binh." + SEQUENCE.get() + "@example.com";
        send(Topics.INTAKE, received(code, email, null, "111222"));
        send(Topics.INTAKE, new DossierSupplementRequested(code, NOW.plusDays(1), "tuphap1", "TUPHAP-BADINH",
                "Giấy chứng sinh bị mờ", List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.CERTIFIED_COPY, 1, null)),
                NOW.plusDays(10).toLocalDate()));
        send(Topics.RESULT, new ResultReturned(code, NOW.plusDays(12), ReturnChannel.POST, null, "EB123456789VN",
                "counter1", true, null));

        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 3);
        Map<String, String> bySubject = new java.util.HashMap<>();
        for (MimeMessage m : receivers.mailTo(email)) {
            bySubject.put(m.getSubject(), m.getContent().toString());
        }
        String supplement = bySubject.get("Hồ sơ " + code + ": đề nghị bổ sung, hoàn thiện hồ sơ");
        assertTrue(supplement.contains("- Giấy chứng sinh (bản sao có chứng thực, 1 bản)"), supplement);
        assertTrue(supplement.contains("Lý do: Giấy chứng sinh bị mờ"), supplement);
        assertFalse(supplement.contains("111222"), "the PIN rides only on the reception message");
        String returned = bySubject.get("Hồ sơ " + code + " đã trả kết quả");
        assertTrue(returned.contains("qua dịch vụ bưu chính công ích"), returned);
        assertTrue(returned.contains("Số hiệu bưu gửi: EB123456789VN"), returned);
        // SMS rules found no phone: recorded, not sent
        assertEquals(3, count("select count(*) from delivery where dossier_code = ? and status = 'SKIPPED'", code));
        assertEquals(0, count("select count(*) from dossier_contact where dossier_code = ? and ended_at is null", code), "ended: kept only for the retention period");
    }

    @Test
    void anOnlineSubmissionTellsCodeAndPinAndItsLaterReceptionPrintsNoPinLine() throws Exception {
        String code = newCode();
        String email = "dung." + SEQUENCE.get() + "@example.com";
        String phone = "09345678" + String.format("%02d", SEQUENCE.get() % 100);
        Map.Entry<String, String> submission = Map.entry(code,
                EventJson.write(EventTypes.envelope("test", submitted(code, email, phone, "246810"))));
        TopicReader.send(bootstrap, Topics.INTAKE, List.of(submission));

        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 1 && smsFor(code).size() == 1);
        MimeMessage mail = receivers.mailTo(email).get(0);
        assertEquals("Hồ sơ " + code + " đã được nộp trực tuyến: mã hồ sơ và mã PIN tra cứu", mail.getSubject());
        String body = mail.getContent().toString();
        assertTrue(body.contains("Kính gửi Trần Thị Dung"), body);
        assertTrue(body.contains("Mã hồ sơ: " + code), body);
        assertTrue(body.contains("Mã PIN tra cứu: 246810"), body);
        assertTrue(body.contains("Thủ tục: Liên thông khai sinh"), body);
        assertTrue(body.contains("Thời điểm nộp: " + NOW.format(java.time.format.DateTimeFormatter
                .ofPattern("HH:mm 'ngày' dd/MM/yyyy"))), body);
        assertTrue(smsFor(code).get(0).body().contains("Mã PIN tra cứu: 246810"), smsFor(code).get(0).body());

        // the counter's check asks for a supplement: the events carry no contact, the copy from submitted does
        send(Topics.INTAKE, new DossierSupplementRequested(code, NOW.plusHours(2), "counter1", null,
                "Thiếu tờ khai", List.of(new SupplementItem("Tờ khai đăng ký khai sinh", DocumentForm.ORIGINAL, 1, null)),
                NOW.plusDays(5).toLocalDate()));
        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 2 && smsFor(code).size() == 2);

        // accepted: an online dossier's received carries no PIN (it went on submitted)
        DossierReceived received = onlineReceived(code, email, phone);
        send(Topics.INTAKE, received);
        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 3 && smsFor(code).size() == 3);
        String receptionMail = receivers.mailTo(email).stream().filter(m -> subject(m).equals("Hồ sơ " + code
                + " đã được tiếp nhận")).findFirst().orElseThrow().getContent().toString();
        assertTrue(receptionMail.contains("Ngày hẹn trả kết quả: " + NOW.plusDays(14).format(
                java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy"))), receptionMail);
        assertFalse(receptionMail.contains("Mã PIN tra cứu:"), receptionMail);
        assertFalse(receptionMail.contains("246810"), receptionMail);
        assertFalse(receptionMail.contains("{"), "no template expression left: " + receptionMail);
        assertTrue(receptionMail.contains("mã PIN đã được gửi khi nộp hồ sơ trực tuyến"), receptionMail);
        String receptionSms = smsFor(code).stream().filter(r -> r.body().contains("đã được tiếp nhận")).findFirst()
                .orElseThrow().body();
        assertFalse(receptionSms.contains("PIN"), receptionSms);
        assertTrue(receptionSms.contains("Hẹn trả kết quả: "), receptionSms);
        await().atMost(WAIT).until(() -> outcomes(code).equals(Collections.nCopies(6, "DELIVERED")));
        // the local copy now holds the appointment; never the PIN
        assertEquals(1, count("select count(*) from dossier_contact where dossier_code = ? and appointment_at is not null", code));
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?dossier={code}", code)
                .then().statusCode(200).body("total", equalTo(6)).body(not(containsString("246810")));

        // the submission redelivered late (after received) sends nothing twice and keeps the appointment
        TopicReader.send(bootstrap, Topics.INTAKE, List.of(submission));
        Thread.sleep(1500);
        assertEquals(3, receivers.mailTo(email).size());
        assertEquals(3, smsFor(code).size());
        assertEquals(1, count("select count(*) from dossier_contact where dossier_code = ? and appointment_at is not null", code));
    }

    @Test
    void aRefusalTellsEveryReasonWhetherOrNotTheDossierWasEverReceived() throws Exception {
        // an online submission refused at the check: the refusal carries the contact
        String online = newCode();
        String email = "em." + SEQUENCE.get() + "@example.com";
        String phone = "09456789" + String.format("%02d", SEQUENCE.get() % 100);
        send(Topics.INTAKE, submitted(online, email, phone, "135790"));
        send(Topics.INTAKE, new DossierRefused(online, UNIT, NOW.plusHours(3), "counter1",
                List.of("Thủ tục không thuộc thẩm quyền của phường", "Người nộp không phải cha, mẹ của trẻ"),
                new Applicant("Lê Văn Em", phone, email, null)));
        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 2 && smsFor(online).size() == 2);
        String refusal = receivers.mailTo(email).stream().filter(m -> subject(m).equals("Hồ sơ " + online
                + ": phiếu từ chối tiếp nhận giải quyết hồ sơ")).findFirst().map(NotificationFlowTest::content).orElseThrow();
        assertTrue(refusal.contains("Kính gửi Lê Văn Em"), refusal);
        assertTrue(refusal.contains("hồ sơ " + online + " (Liên thông khai sinh) không được tiếp nhận giải quyết"), refusal);
        assertTrue(refusal.contains("- Thủ tục không thuộc thẩm quyền của phường\n- Người nộp không phải cha, mẹ của trẻ"),
                refusal);
        assertTrue(refusal.contains("mẹ của trẻ\n\nXin thông báo"), refusal);
        assertFalse(refusal.contains("135790"), refusal);
        String sms = smsFor(online).stream().filter(r -> r.body().contains("không được tiếp nhận")).findFirst()
                .orElseThrow().body();
        assertTrue(sms.contains("Lý do: Thủ tục không thuộc thẩm quyền của phường; Người nộp không phải cha, mẹ của trẻ"), sms);

        // a dossier received and then refused: no contact on the event, the local copy has it
        String counter = newCode();
        String counterMail = "giang." + SEQUENCE.get() + "@example.com";
        send(Topics.INTAKE, received(counter, counterMail, null, "864200"));
        send(Topics.INTAKE, new DossierRefused(counter, UNIT, NOW.plusHours(1), "counter1",
                List.of("Hồ sơ không đủ điều kiện"), null));
        await().atMost(WAIT).until(() -> receivers.mailTo(counterMail).size() == 2);
        assertTrue(receivers.mailTo(counterMail).stream().anyMatch(m -> subject(m).contains("phiếu từ chối")
                && content(m).contains("- Hồ sơ không đủ điều kiện") && content(m).contains("Kính gửi Nguyễn Văn An")));

        // refused ends the dossier: the contact is marked ended once told (dropped after the retention period)
        await().atMost(WAIT).until(() -> count("select count(*) from dossier_contact where dossier_code = ? and ended_at is null", online) == 0
                && count("select count(*) from dossier_contact where dossier_code = ? and ended_at is null", counter) == 0);
    }

    /**
     * Issue 24: an organisation is addressed by its name, at reception and in the messages after it (the
     * directory keeps whom to address), though the person who submitted is the one reached.
     */
    @Test
    void anOrganisationIsAddressedByItsNameNowAndLater() throws Exception {
        String code = newCode();
        String email = "cuong." + SEQUENCE.get() + "@example.com";
        String phone = "09345678" + String.format("%02d", SEQUENCE.get() % 100);
        DossierReceived plain = received(code, email, phone, "864209");
        send(Topics.INTAKE, new DossierReceived(code, plain.procedureCode(), plain.procedureVersion(),
                plain.procedureName(), plain.channel(), plain.unitCode(), plain.receivedBy(), plain.receivedAt(),
                plain.appointmentAt(), plain.statutoryTime(), new Applicant("Lê Văn Cường", phone, email, "Việt Trì",
                vn.motcua.shared.events.intake.ApplicantKind.ORGANISATION, "Công ty TNHH Phú Thọ Xanh", "2600123456",
                null), null, "864209", plain.routingPlan()));
        send(Topics.INTAKE, new DossierWithdrawn(code, NOW.plusDays(3), "counter1", "Doanh nghiệp tạm ngừng hoạt động"));

        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 2);
        for (MimeMessage m : receivers.mailTo(email)) {
            String body = m.getContent().toString();
            assertTrue(body.contains("Kính gửi Công ty TNHH Phú Thọ Xanh"), m.getSubject() + ": " + body);
        }
    }

    /**
     * A batch that brings a contact and then plans from it reads it back from the transaction's memory, not the
     * table: what it remembers must be what it wrote (an organisation's name, not its representative's).
     */
    @Test
    void whatABatchKeepsIsWhatItReadsBackBeforeCommit() {
        String code = newCode();
        DossierReceived plain = received(code, "org." + SEQUENCE.get() + "@example.com", "0934567800", "864209");
        DossierReceived organisation = new DossierReceived(code, plain.procedureCode(), plain.procedureVersion(),
                plain.procedureName(), plain.channel(), plain.unitCode(), plain.receivedBy(), plain.receivedAt(),
                plain.appointmentAt(), plain.statutoryTime(), new Applicant("Lê Văn Cường", "0934567800",
                plain.applicant().email(), "Việt Trì", vn.motcua.shared.events.intake.ApplicantKind.ORGANISATION,
                "Công ty TNHH Phú Thọ Xanh", "2600123456", null), null, "864209", plain.routingPlan());
        Directory.DossierContact inTransaction = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            directory.keep(organisation);
            return directory.dossier(code).orElseThrow();
        });
        Directory.DossierContact stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> directory.dossier(code).orElseThrow());
        assertEquals("Công ty TNHH Phú Thọ Xanh", inTransaction.applicantName());
        // the same facts (times as instants: the table gives them back in UTC, the event carried +07:00)
        assertEquals(List.of(stored.applicantName(), stored.phone(), stored.email(), stored.procedureName(),
                        stored.receivedAt().toInstant(), stored.appointmentAt().toInstant()),
                List.of(inTransaction.applicantName(), inTransaction.phone(), inTransaction.email(),
                        inTransaction.procedureName(), inTransaction.receivedAt().toInstant(),
                        inTransaction.appointmentAt().toInstant()));
    }

    @Test
    void suppliedDocumentsAreAcknowledgedByEmailAndAWithdrawalIsConfirmedAndEndsTheContact() throws Exception {
        String code = newCode();
        String email = "hoa." + SEQUENCE.get() + "@example.com";
        String phone = "09567890" + String.format("%02d", SEQUENCE.get() % 100);
        send(Topics.INTAKE, received(code, email, phone, "975310"));
        send(Topics.INTAKE, new DossierSupplementSupplied(code, NOW.plusDays(2), "counter1",
                List.of(new SupplementItem("Giấy chứng sinh", DocumentForm.CERTIFIED_COPY, 1, null)), null));
        send(Topics.INTAKE, new DossierWithdrawn(code, NOW.plusDays(3), "counter1", "Gia đình chuyển nơi cư trú"));

        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 3 && smsFor(code).size() == 2);
        Map<String, String> bySubject = new java.util.HashMap<>();
        for (MimeMessage m : receivers.mailTo(email)) {
            bySubject.put(m.getSubject(), m.getContent().toString());
        }
        String supplied = bySubject.get("Hồ sơ " + code + ": đã nhận giấy tờ bổ sung");
        assertTrue(supplied.contains("- Giấy chứng sinh (bản sao có chứng thực, 1 bản)"), String.valueOf(supplied));
        assertTrue(supplied.contains("Hồ sơ tiếp tục được xem xét, giải quyết."), supplied);
        String withdrawn = bySubject.get("Hồ sơ " + code + ": xác nhận rút hồ sơ");
        assertTrue(withdrawn.contains("đã rút hồ sơ " + code + " (Liên thông khai sinh) lúc "), String.valueOf(withdrawn));
        assertTrue(withdrawn.contains("Lý do: Gia đình chuyển nơi cư trú"), withdrawn);
        assertFalse(withdrawn.contains("975310"), withdrawn);
        assertTrue(smsFor(code).stream().anyMatch(r -> r.body().contains("đã được rút theo đề nghị")));
        // the acknowledgement is e-mail only: no SMS rule, no SMS delivery
        assertEquals(0, count("select count(*) from delivery where dossier_code = ? and event_type = "
                + "'vn.motcua.dossier.supplement-supplied.v1' and channel = 'SMS'", code));
        assertEquals(0, count("select count(*) from dossier_contact where dossier_code = ? and ended_at is null", code), "ended: kept only for the retention period");
    }

    @Test
    void theApplicantIsToldWhatToPayAndThatProcessingStoppedWithTheReason() throws Exception {
        String agency = "DATDAI-" + SEQUENCE.incrementAndGet();
        send(Topics.CATALOG, new AgencyUpserted(agency, "Văn phòng đăng ký đất đai thử nghiệm", null, List.of(), true, NOW));
        await().atMost(WAIT).until(() -> count("select count(*) from agency_contact where agency_code = ?", agency) == 1);
        String code = newCode();
        String email = "khanh." + SEQUENCE.get() + "@example.com";
        String phone = "09678901" + String.format("%02d", SEQUENCE.get() % 100);
        send(Topics.INTAKE, received(code, email, phone, "112358"));
        LocalDate payBy = NOW.plusDays(10).toLocalDate();
        send(Topics.ROUTING, new FinancialObligationRequested(code, UUID.randomUUID(), agency, 1_500_000L,
                "Lệ phí trước bạ nhà, đất", NOW.plusDays(1), payBy));
        // routing publishes the pause with it: the citizen is told once, from the obligation
        send(Topics.ROUTING, new DossierPaused(code, NOW.plusDays(1), PauseReason.FINANCIAL_OBLIGATION, NOW.plusDays(14),
                "Lệ phí trước bạ nhà, đất", agency, "datdai1", List.of()));
        send(Topics.ROUTING, new DossierProcessingStopped(code, agency, "datdai1", NOW.plusDays(20),
                "Quá hạn thực hiện nghĩa vụ tài chính"));

        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 3 && smsFor(code).size() == 3);
        Map<String, String> bySubject = new java.util.HashMap<>();
        for (MimeMessage m : receivers.mailTo(email)) {
            bySubject.put(m.getSubject(), m.getContent().toString());
        }
        String obligation = bySubject.get("Hồ sơ " + code + ": thông báo thực hiện nghĩa vụ tài chính");
        assertTrue(obligation.contains("Văn phòng đăng ký đất đai thử nghiệm đề nghị Quý ông/bà thực hiện nghĩa vụ tài chính"),
                String.valueOf(obligation));
        assertTrue(obligation.contains("Nội dung: Lệ phí trước bạ nhà, đất"), obligation);
        assertTrue(obligation.contains("Số tiền: 1.500.000 đồng"), obligation);
        assertTrue(obligation.contains("Hạn nộp: " + payBy.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                obligation);
        assertTrue(smsFor(code).stream().anyMatch(r -> r.body().contains("đề nghị nộp 1.500.000 đồng (Lệ phí trước bạ nhà, đất)")),
                smsFor(code).toString());
        String stopped = bySubject.get("Hồ sơ " + code + ": thông báo dừng xử lý hồ sơ");
        assertTrue(stopped.contains("Văn phòng đăng ký đất đai thử nghiệm thông báo dừng xử lý hồ sơ " + code), String.valueOf(stopped));
        assertTrue(stopped.contains("Lý do: Quá hạn thực hiện nghĩa vụ tài chính"), stopped);
        assertTrue(smsFor(code).stream().anyMatch(r -> r.body().contains("đã bị dừng xử lý. Lý do: Quá hạn thực hiện nghĩa vụ tài chính")));
        assertEquals(0, count("select count(*) from delivery where dossier_code = ? and event_type = "
                + "'vn.motcua.dossier.paused.v1' and audience = 'APPLICANT'", code));
        // processing stopped ends the dossier: the contact is marked ended once told
        assertEquals(0, count("select count(*) from dossier_contact where dossier_code = ? and ended_at is null", code), "ended: kept only for the retention period");
    }

    /**
     * Issue 20, item 4: a dossier routing returned to the applicant because the supply-by date lapsed is told as a
     * return (subject, body and SMS), with the reason; one it stopped for the same cause as a stop.
     */
    @Test
    void theApplicantIsToldTheDossierWasReturnedWhenTheSupplyByDateLapsed() throws Exception {
        String agency = "TUPHAP-" + SEQUENCE.incrementAndGet();
        send(Topics.CATALOG, new AgencyUpserted(agency, "Phòng Tư pháp thử nghiệm", null, List.of(), true, NOW));
        await().atMost(WAIT).until(() -> count("select count(*) from agency_contact where agency_code = ?", agency) == 1);
        String returned = newCode();
        String email = "lan." + SEQUENCE.get() + "@example.com";
        String phone = "09890123" + String.format("%02d", SEQUENCE.get() % 100);
        send(Topics.INTAKE, received(returned, email, phone, "271828"));
        String reason = "Quá hạn bổ sung hồ sơ (hạn 01/12/2025) mà chưa nhận được hồ sơ bổ sung; hồ sơ được trả lại"
                + " cho người nộp theo quy định của thủ tục.";
        send(Topics.ROUTING, new DossierProcessingStopped(returned, agency, "routing-service", NOW.plusDays(10), reason,
                SupplementLapse.RETURN));
        String stopped = newCode();
        String otherEmail = "mai." + SEQUENCE.get() + "@example.com";
        send(Topics.INTAKE, received(stopped, otherEmail, "09890124" + String.format("%02d", SEQUENCE.get() % 100), "161803"));
        send(Topics.ROUTING, new DossierProcessingStopped(stopped, agency, "routing-service", NOW.plusDays(10),
                "Quá hạn bổ sung hồ sơ; dừng giải quyết hồ sơ theo quy định của thủ tục.", SupplementLapse.STOP));

        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 2 && smsFor(returned).size() == 2
                && receivers.mailTo(otherEmail).size() == 2);
        MimeMessage notice = receivers.mailTo(email).stream()
                .filter(m -> subject(m).equals("Hồ sơ " + returned + ": thông báo trả lại hồ sơ")).findFirst().orElseThrow();
        String body = notice.getContent().toString();
        assertTrue(body.contains("Phòng Tư pháp thử nghiệm thông báo trả lại hồ sơ " + returned), body);
        assertTrue(body.contains("quá hạn bổ sung"), body);
        assertTrue(body.contains("Lý do: " + reason), body);
        assertTrue(!body.contains("dừng xử lý"), body);
        assertTrue(smsFor(returned).stream().anyMatch(r -> r.body().contains("\"Hồ sơ " + returned
                + " được trả lại do quá hạn bổ sung. Lý do: Quá hạn bổ sung")), smsFor(returned).toString());
        assertTrue(receivers.mailTo(otherEmail).stream().map(NotificationFlowTest::subject).toList()
                .contains("Hồ sơ " + stopped + ": thông báo dừng xử lý hồ sơ"));
    }

    /**
     * Issue 16: routing's topic overtakes intake's. The obligation and the stop arrive before the reception that
     * brings the applicant's contact: they wait, and reach the applicant once {@code received} arrives, in the
     * order they came, with the stop's end applied after them. Before the fix both went nowhere.
     */
    @Test
    void routingEventsThatOvertakeTheReceptionWaitForTheContactAndReachTheApplicant() throws Exception {
        String agency = "DATDAI-" + SEQUENCE.incrementAndGet();
        String agencyMail = agency.toLowerCase() + "@coquan.gov.vn";
        send(Topics.CATALOG, new AgencyUpserted(agency, "Văn phòng đăng ký đất đai thử nghiệm", null,
                List.of(new Contact(NotificationChannel.EMAIL, agencyMail, null)), true, NOW));
        await().atMost(WAIT).until(() -> count("select count(*) from agency_contact where agency_code = ?", agency) == 1);
        String code = newCode();
        String email = "long." + SEQUENCE.get() + "@example.com";
        String phone = "09789012" + String.format("%02d", SEQUENCE.get() % 100);
        send(Topics.ROUTING, new TaskAssigned(code, UUID.randomUUID(), "khai-sinh", agency, "Văn phòng đăng ký đất đai thử nghiệm",
                "counter1", NOW.plusDays(1), NOW.plusDays(4)));
        send(Topics.ROUTING, new FinancialObligationRequested(code, UUID.randomUUID(), agency, 250_000L,
                "Lệ phí cấp giấy chứng nhận", NOW.plusDays(1), NOW.plusDays(10).toLocalDate()));
        send(Topics.ROUTING, new DossierProcessingStopped(code, agency, "datdai1", NOW.plusDays(20), "Không nộp lệ phí"));
        // the agency is told at once; the applicant's notices wait for a contact
        await().atMost(WAIT).until(() -> receivers.mailTo(agencyMail).size() == 1
                && count("select count(*) from waiting_event where dossier_code = ?", code) == 2);
        assertEquals(0, count("select count(*) from delivery where dossier_code = ? and audience = 'APPLICANT'", code));

        send(Topics.INTAKE, received(code, email, phone, "314159"));
        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 3 && smsFor(code).size() == 3);
        List<String> subjects = receivers.mailTo(email).stream().map(NotificationFlowTest::subject).toList();
        assertTrue(subjects.containsAll(List.of("Hồ sơ " + code + " đã được tiếp nhận",
                "Hồ sơ " + code + ": thông báo thực hiện nghĩa vụ tài chính",
                "Hồ sơ " + code + ": thông báo dừng xử lý hồ sơ")), subjects.toString());
        assertTrue(smsFor(code).stream().anyMatch(r -> r.body().contains("đề nghị nộp 250.000 đồng")), smsFor(code).toString());
        assertEquals(0, count("select count(*) from waiting_event where dossier_code = ?", code));
        assertEquals(0, count("select count(*) from delivery where dossier_code = ? and status = 'SKIPPED'", code));
        // planned in the order they happened: reception, obligation, stop
        assertEquals(List.of("vn.motcua.dossier.received.v1", "vn.motcua.obligation.requested.v1",
                "vn.motcua.dossier.processing-stopped.v1"), applicantEmailEvents(code));
        assertEquals(1, count("select count(*) from dossier_contact where dossier_code = ? and ended_at is not null", code));
        // the agency heard of its task once, not again when the waiting events were planned
        assertEquals(1, count("select count(*) from delivery where dossier_code = ? and audience = 'AGENCY'", code));
    }

    /**
     * The other way: result's topic overtakes routing's. The result is returned (the dossier ends) before
     * routing's {@code processed} arrives; the contact outlives the end, so the late notice still reaches the
     * applicant. The purge drops the contact once the retention period has passed.
     */
    @Test
    void aNoticeThatArrivesAfterTheDossierEndedStillReachesTheApplicantAndThePurgeDropsTheContactLater() throws Exception {
        String code = newCode();
        String email = "minh." + SEQUENCE.get() + "@example.com";
        send(Topics.INTAKE, received(code, email, null, "271828"));
        send(Topics.RESULT, new ResultReturned(code, NOW.plusDays(12), ReturnChannel.COUNTER, "Nguyễn Văn An", null,
                "counter1", true, null));
        await().atMost(WAIT).until(() -> receivers.mailTo(email).size() == 2);
        send(Topics.ROUTING, new DossierProcessed(code, NOW.plusDays(10), Outcome.APPROVED, "TUPHAP-BADINH", null,
                NOW.plusDays(14), true));
        await().atMost(WAIT).until(() -> receivers.mailTo(email).stream().map(NotificationFlowTest::subject)
                .anyMatch(("Hồ sơ " + code + " đã có kết quả")::equals));
        assertEquals(1, count("select count(*) from dossier_contact where dossier_code = ? and ended_at is not null", code));

        directory.purge(Duration.ofDays(1));
        assertEquals(1, count("select count(*) from dossier_contact where dossier_code = ?", code), "within retention");
        directory.purge(Duration.ZERO);
        assertEquals(0, count("select count(*) from dossier_contact where dossier_code = ?", code), "past retention");
    }

    /** Issue 18: the delivery log is bounded — finished deliveries past their retention go, recent ones stay. */
    @Test
    void housekeepingDropsFinishedDeliveriesPastTheirRetention() throws Exception {
        String old = newCode();
        String recent = newCode();
        send(Topics.INTAKE, received(old, "cu." + SEQUENCE.get() + "@example.com", null, "123123"));
        send(Topics.INTAKE, received(recent, "moi." + SEQUENCE.get() + "@example.com", null, "321321"));
        await().atMost(WAIT).until(() -> count("select count(*) from delivery where dossier_code = ? and status = 'DELIVERED'", old) == 1
                && count("select count(*) from delivery where dossier_code = ? and status = 'DELIVERED'", recent) == 1);
        Rows.update(dataSource, "update delivery set updated_at = now() - interval '91 days' where dossier_code = ?", old);
        housekeeping.run();
        assertEquals(0, count("select count(*) from delivery where dossier_code = ?", old));
        assertEquals(2, count("select count(*) from delivery where dossier_code = ?", recent), "EMAIL delivered, SMS skipped");
    }

    /** An event whose contact never comes does not wait for ever: once past patience it is logged as told no one. */
    @Test
    void anEventWhoseContactNeverComesIsRecordedAsToldNoOneOncePastPatience() throws Exception {
        String code = newCode();
        send(Topics.ROUTING, new DossierProcessingStopped(code, "TUPHAP-BADINH", "tuphap1", NOW.plusDays(2), "Thử nghiệm"));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_event where dossier_code = ?", code) == 1);
        planner.giveUpWaiting(Duration.ofDays(1));
        assertEquals(1, count("select count(*) from waiting_event where dossier_code = ?", code), "within patience");
        planner.giveUpWaiting(Duration.ZERO);
        assertEquals(0, count("select count(*) from waiting_event where dossier_code = ?", code));
        assertEquals(2, count("select count(*) from delivery where dossier_code = ? and audience = 'APPLICANT'"
                + " and status = 'SKIPPED'", code), "EMAIL and SMS, each with the reason nobody was told");
    }

    /** Issue 16: a webhook whose subscription is deactivated is cancelled, not retried for a day. */
    @Test
    void theDeliveriesOfAnUnsubscribedWebhookAreCancelledNotRetried() throws Exception {
        String path = "/hooks/gone-" + SEQUENCE.incrementAndGet();
        receivers.answer(path, 503);
        String subscription = subscribe(path, "gone-secret-0123456789", List.of("vn.motcua.dossier.received.v1"));
        String code = newCode();
        send(Topics.INTAKE, received(code, null, null, "161803"));
        await().atMost(WAIT).until(() -> receivers.requests(path).size() >= 1);
        unsubscribe(subscription);
        int seen = receivers.requests(path).size();
        assertEquals(1, count("select count(*) from delivery where dossier_code = ? and channel = 'WEBHOOK'"
                + " and status = 'CANCELLED'", code));
        Thread.sleep(3000); // the test schedule would have retried at least twice by now
        assertTrue(receivers.requests(path).size() <= seen + 1, "an attempt in flight may finish, no new ones");
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?dossier={code}", code)
                .then().statusCode(200)
                .body("items.find { it.channel == 'WEBHOOK' }.outcome", equalTo("CANCELLED"));
    }

    @Test
    void agenciesHearOfTasksAndOverdueFromCatalogueContactsAndSupervisorsOfOverdue() throws Exception {
        String agency = "TEST-" + SEQUENCE.incrementAndGet();
        String agencyMail = agency.toLowerCase() + "@coquan.gov.vn";
        send(Topics.CATALOG, new AgencyUpserted(agency, "Phòng Tư pháp thử nghiệm", null,
                List.of(new Contact(NotificationChannel.EMAIL, agencyMail, "văn thư")), true, NOW));
        String code = newCode();
        send(Topics.INTAKE, received(code, null, null, "333444"));
        await().atMost(WAIT).until(() -> count("select count(*) from agency_contact where agency_code = ?", agency) == 1);
        send(Topics.ROUTING, new TaskAssigned(code, UUID.randomUUID(), "khai-sinh", agency, "Phòng Tư pháp thử nghiệm",
                UNIT, NOW, NOW.plusDays(3)));
        send(Topics.ROUTING, new DossierOverdue(code, DeadlineScope.TASK, UUID.randomUUID(), agency, NOW.plusDays(3),
                NOW.plusDays(4)));

        await().atMost(WAIT).until(() -> receivers.mailTo(agencyMail).size() == 2);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : receivers.mailTo(agencyMail)) {
            subjects.add(m.getSubject());
        }
        assertTrue(subjects.contains("[Một cửa] Hồ sơ mới cần xử lý: " + code), subjects.toString());
        assertTrue(subjects.contains("[Một cửa] Quá hạn: hồ sơ " + code), subjects.toString());
        await().atMost(WAIT).until(() -> receivers.mailTo("giamsat@ubnd.test").stream().anyMatch(m -> subject(m)
                .equals("[Giám sát] Hồ sơ quá hạn: " + code)));
        MimeMessage supervisor = receivers.mailTo("giamsat@ubnd.test").stream()
                .filter(m -> subject(m).contains(code)).findFirst().orElseThrow();
        assertTrue(supervisor.getContent().toString().contains("Cơ quan đang xử lý: Phòng Tư pháp thử nghiệm"));

        // Issue 20, item 4: the dossier left paused after its supply-by date is the supervisors' business too.
        send(Topics.ROUTING, new vn.motcua.shared.events.routing.SupplementOverdue(code, "khai-sinh", agency, NOW,
                java.time.LocalDate.of(2025, 12, 9), NOW.plusDays(20)));
        await().atMost(WAIT).until(() -> receivers.mailTo("giamsat@ubnd.test").stream().anyMatch(m -> subject(m)
                .equals("[Giám sát] Hồ sơ quá hạn bổ sung: " + code)));
        MimeMessage late = receivers.mailTo("giamsat@ubnd.test").stream()
                .filter(m -> subject(m).equals("[Giám sát] Hồ sơ quá hạn bổ sung: " + code)).findFirst().orElseThrow();
        assertTrue(late.getContent().toString().contains("Hạn bổ sung: 09/12/2025"), late.getContent().toString());
        assertTrue(late.getContent().toString().contains("Cơ quan yêu cầu bổ sung: Phòng Tư pháp thử nghiệm"),
                late.getContent().toString());

        // ...and so is an online submission left unchecked past the unit's time for it.
        send(Topics.INTAKE, new vn.motcua.shared.events.intake.SubmissionUnchecked(code, UNIT, "LT-KS-TT-BHYT",
                NOW.minusDays(2), NOW.minusDays(1), NOW));
        await().atMost(WAIT).until(() -> receivers.mailTo("giamsat@ubnd.test").stream().anyMatch(m -> subject(m)
                .equals("[Giám sát] Hồ sơ trực tuyến chưa được kiểm tra: " + code)));
    }

    @Test
    void webhooksAreSignedOverTimestampAndBodyAndCarryNoPersonalData() throws Exception {
        String secret = "integrator-secret-" + UUID.randomUUID();
        String path = "/hooks/signed-" + SEQUENCE.incrementAndGet();
        String subscription = subscribe(path, secret, List.of("vn.motcua.dossier.received.v1"));
        String code = newCode();
        send(Topics.INTAKE, received(code, "chi@example.com", "0987654321", "555666"));

        await().atMost(WAIT).until(() -> receivers.requests(path).size() == 1);
        Receivers.Request hook = receivers.requests(path).get(0);
        String timestamp = hook.header("X-Motcua-Timestamp");
        // the recipe in the README, done here with the JDK alone
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + hook.body())
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, hook.header("X-Motcua-Signature"));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 60);
        assertTrue(hook.body().contains("\"subject\":\"" + code + "\""), hook.body());
        assertTrue(hook.body().contains("\"type\":\"vn.motcua.dossier.received.v1\""), hook.body());
        assertFalse(hook.body().contains("555666") || hook.body().contains("chi@example.com")
                || hook.body().contains("0987654321") || hook.body().contains("Nguyễn"), hook.body());
        unsubscribe(subscription);
    }

    /**
     * The outage test: a webhook receiver is down (503) while 20 dossiers are received, for 3 s (within
     * the 3.6 s the test schedule guarantees), then back: every event arrives, each exactly once, and a
     * redelivered event sends nothing again.
     */
    @Test
    void aReceiverDownForAWhileThenBackGetsEverythingExactlyOnce() throws Exception {
        String path = "/hooks/flaky-" + SEQUENCE.incrementAndGet();
        receivers.answer(path, 503);
        String subscription = subscribe(path, "flaky-secret-0123456789", List.of("*"));
        List<String> codes = new ArrayList<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String code = newCode();
            codes.add(code);
            records.add(Map.entry(code, EventJson.write(EventTypes.envelope("test", received(code, null, null, "000111")))));
        }
        TopicReader.send(bootstrap, Topics.INTAKE, records);
        long downSince = System.nanoTime();
        await().atMost(WAIT).until(() -> receivers.requests(path).size() >= 40); // every delivery failed at least twice
        Thread.sleep(Math.max(0, 3000 - (System.nanoTime() - downSince) / 1_000_000));
        receivers.answer(path, 200);

        await().atMost(WAIT).until(() -> ok(path).size() >= 20);
        TopicReader.send(bootstrap, Topics.INTAKE, records.subList(0, 5)); // redelivered: nothing new
        Thread.sleep(1500);
        Set<String> mine = new HashSet<>(codes);
        Map<String, Long> perEvent = ok(path).stream().filter(r -> mine.stream().anyMatch(r.body()::contains))
                .collect(Collectors.groupingBy(r -> r.header("X-Motcua-Event-Id"), Collectors.counting()));
        assertEquals(20, perEvent.size());
        assertTrue(perEvent.values().stream().allMatch(n -> n == 1), perEvent.toString());
        Set<String> subjects = new HashSet<>();
        for (Receivers.Request r : ok(path)) {
            subjects.add(EventJson.mapper().readTree(r.body()).get("subject").asText());
        }
        assertTrue(subjects.containsAll(codes));
        for (String code : codes) {
            assertEquals(0, count("select count(*) from delivery where dossier_code = ? and channel = 'WEBHOOK'"
                    + " and status <> 'DELIVERED'", code));
        }
        assertTrue(receivers.requests(path).size() > 40, "it was really down");
        unsubscribe(subscription);
    }

    /**
     * A slow receiver does not hold every other message behind it: the worker sends a batch in parallel. One
     * at a time (as before), the receiver would never see two requests at once.
     */
    @Test
    void aSlowReceiverGetsSeveralDeliveriesAtOnce() throws Exception {
        String path = "/hooks/slow-" + SEQUENCE.incrementAndGet();
        receivers.delay(path, 400);
        String subscription = subscribe(path, "slow-secret-0123456789", List.of("vn.motcua.dossier.received.v1"));
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String code = newCode();
            records.add(Map.entry(code, EventJson.write(EventTypes.envelope("test", received(code, null, null, "000222")))));
        }
        TopicReader.send(bootstrap, Topics.INTAKE, records);
        await().atMost(WAIT).until(() -> ok(path).size() >= 8);
        assertTrue(receivers.mostAtOnce(path) >= 2, "most requests at once: " + receivers.mostAtOnce(path));
        unsubscribe(subscription);
    }

    @Test
    void aReceiverThatNeverAnswersIsDeadLetteredAfterTheLastAttemptAndAnAdminResendsIt() throws Exception {
        String path = "/hooks/dead-" + SEQUENCE.incrementAndGet();
        receivers.answer(path, 500);
        String subscription = subscribe(path, "dead-secret-0123456789", List.of("vn.motcua.dossier.received.v1"));
        String code = newCode();
        send(Topics.INTAKE, received(code, null, null, "999000"));

        await().atMost(WAIT).until(() -> outcomes(code).contains("DEAD_LETTERED"));
        assertEquals(6, receivers.requests(path).size(), "max-attempts = 6 in the test profile");
        String id = given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?dossier={code}", code)
                .then().statusCode(200)
                .body("items.find { it.channel == 'WEBHOOK' }.outcome", equalTo("DEAD_LETTERED"))
                .body("items.find { it.channel == 'WEBHOOK' }.attempts", equalTo(6))
                .body("items.find { it.channel == 'WEBHOOK' }.lastError", equalTo("webhook answered HTTP 500"))
                .extract().path("items.find { it.channel == 'WEBHOOK' }.id");
        List<ConsumerRecord<String, String>> events = TopicReader.read(bootstrap, Topics.NOTIFICATION, 1,
                Duration.ofSeconds(1), WAIT).stream().filter(r -> code.equals(r.key())).toList();
        assertEquals(5, events.stream().filter(r -> r.value().contains("vn.motcua.notification.failed.v1")).count());
        assertEquals(1, events.stream().filter(r -> r.value().contains("vn.motcua.notification.dead-lettered.v1")).count());

        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().post("/api/notifications/{id}/resend", id).then().statusCode(403);
        receivers.answer(path, 200);
        given().auth().oauth2(TestTokens.admin("admin1"))
                .when().post("/api/notifications/{id}/resend", id)
                .then().statusCode(200).body("outcome", equalTo("PENDING")).body("resends", equalTo(1));
        await().atMost(WAIT).until(() -> receivers.requests(path).size() == 7);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(given().auth().oauth2(TestTokens.admin("admin1"))
                .when().get("/api/notifications/{id}", id).then().statusCode(200).extract().path("outcome")));
        given().auth().oauth2(TestTokens.admin("admin1"))
                .when().post("/api/notifications/{id}/resend", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin("admin1"))
                .when().post("/api/notifications/{id}/resend", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin("admin1"))
                .when().post("/api/notifications/{id}/resend", "not-a-uuid").then().statusCode(404);
        unsubscribe(subscription);
    }

    @Test
    void twoWorkersNeverClaimTheSameDelivery() throws Exception {
        // the service's own scheduled passes would take these rows too (and do, on a slow machine, before the
        // two claimers start): paused for this test
        worker.pause(true);
        try {
            String code = newCode();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into delivery (id, event_id, event_type, dossier_code, audience, channel, recipient_key, address,"
                            + " recipient_masked, body, status, next_attempt_at, created_at, updated_at)"
                            + " select gen_random_uuid(), gen_random_uuid(), 'test', ?, 'SUBSCRIBERS', 'WEBHOOK', 'k', ?, 'w', '{}',"
                            + " 'PENDING', now() + interval '2 seconds', now(), now() from generate_series(1, 200)")) {
                s.setString(1, code);
                s.setString(2, receivers.baseUrl() + "/hooks/never-called");
                s.executeUpdate();
            }
            Thread.sleep(2100);
            // 20 rounds; in each, both claim at the same moment (a barrier), so neither can take everything first
            java.util.concurrent.CyclicBarrier round = new java.util.concurrent.CyclicBarrier(2);
            java.util.function.Supplier<List<UUID>> claimAll = () -> {
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    try {
                        round.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    deliveries.claim(5, Duration.ofMinutes(5)).stream().filter(d -> code.equals(d.dossierCode()))
                            .forEach(d -> ids.add(d.id()));
                }
                return ids;
            };
            CompletableFuture<List<UUID>> first = CompletableFuture.supplyAsync(claimAll);
            CompletableFuture<List<UUID>> second = CompletableFuture.supplyAsync(claimAll);
            List<UUID> a = first.get();
            List<UUID> b = second.get();
            Set<UUID> both = new HashSet<>(a);
            both.retainAll(b);
            assertTrue(both.isEmpty(), "claimed twice: " + both);
            assertTrue(a.size() + b.size() <= 200, "no row claimed more than once: " + (a.size() + b.size()));
            assertFalse(a.isEmpty() || b.isEmpty(), "both workers got work");
            assertEquals(a.size(), new HashSet<>(a).size());
        } finally {
            worker.pause(false);
        }
    }

    @Test
    void rulesAreDataAnAdminEdits() {
        given().auth().oauth2(TestTokens.admin("admin1")).when().get("/api/notification-rules")
                .then().statusCode(200)
                .body("findAll { it.eventType == 'vn.motcua.dossier.received.v1' }.channel", containsInAnyOrder("EMAIL", "SMS"))
                .body("find { it.eventType == 'vn.motcua.dossier.overdue.v1' && it.audience == 'SUPERVISOR' }.template",
                        equalTo("overdue-supervisor"));
        given().auth().oauth2(TestTokens.supervisor("supervisor1")).when().get("/api/notification-rules")
                .then().statusCode(403);
        String id = given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("eventType", "vn.motcua.dossier.deadline-warning.v1", "audience", "SUPERVISOR",
                        "channel", "EMAIL", "template", "deadline-warning"))
                .when().post("/api/notification-rules")
                .then().statusCode(201).body("active", equalTo(true)).body("updatedBy", equalTo("admin1"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("eventType", "vn.motcua.dossier.deadline-warning.v1", "audience", "SUPERVISOR",
                        "channel", "EMAIL", "template", "deadline-warning"))
                .when().post("/api/notification-rules").then().statusCode(409);
        given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("eventType", "vn.motcua.nothing.v1", "audience", "CITIZENS", "channel", "EMAIL"))
                .when().post("/api/notification-rules")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("eventType", "audience"));
        given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("eventType", "*", "audience", "APPLICANT", "channel", "EMAIL", "template", "no-such"))
                .when().post("/api/notification-rules")
                .then().statusCode(400).body("errors.field", hasItem("template"));
        given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("active", false))
                .when().put("/api/notification-rules/{id}", id)
                .then().statusCode(200).body("active", equalTo(false)).body("template", equalTo("deadline-warning"));
        given().auth().oauth2(TestTokens.admin("admin1")).when().delete("/api/notification-rules/{id}", id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.admin("admin1")).when().delete("/api/notification-rules/{id}", id)
                .then().statusCode(404);
    }

    @Test
    void subscriptionsNeedAnAdminAValidUrlAndKnownEventTypesAndHideTheSecret() {
        given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("name", "Cổng dịch vụ công", "url", "ftp://x", "secret", "short",
                        "eventTypes", List.of("vn.motcua.nothing.v1")))
                .when().post("/api/webhook-subscriptions")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("url", "secret", "eventTypes"));
        String generated = given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("name", "Cổng dịch vụ công", "url", receivers.baseUrl() + "/hooks/portal",
                        "eventTypes", List.of("vn.motcua.dossier.processed.v1")))
                .when().post("/api/webhook-subscriptions")
                .then().statusCode(201).body("secret", notNullValue()).extract().path("secret");
        assertEquals(64, generated.length());
        given().auth().oauth2(TestTokens.admin("admin1")).when().get("/api/webhook-subscriptions")
                .then().statusCode(200).body(not(containsString(generated)));
        given().auth().oauth2(TestTokens.counterOfficer("counter1", UNIT)).when().get("/api/webhook-subscriptions")
                .then().statusCode(403);
        given().when().get("/api/notifications").then().statusCode(401);
        given().auth().oauth2(TestTokens.agencyOfficer("tuphap1", "TUPHAP-BADINH"))
                .when().get("/api/notifications").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("supervisor1"))
                .when().get("/api/notifications?size=501").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    /** Issue 17: the probe's internal targets are refused at subscription, and checked again at each delivery. */
    @Test
    void webhooksNeverTargetTheOperatorsOwnNetwork() throws Exception {
        for (String url : List.of("http://localhost:5432/", "http://[::1]:8083/api/admin/read-model/replay",
                "http://0.0.0.0/", "http://2130706433/", "http://0x7f000001/", "http://169.254.169.254/latest/",
                "http://admin:admin@" + receivers.baseUrl().substring("http://".length()) + "/hooks/x")) {
            given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                    .body(Map.of("name", "nội bộ", "url", url, "eventTypes", List.of("*")))
                    .when().post("/api/webhook-subscriptions")
                    .then().statusCode(400).body("errors.field", contains("url"));
        }
        // A target written before the guard (or one whose name now resolves inward) is not followed at delivery.
        String path = "/hooks/inward-" + SEQUENCE.incrementAndGet();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into webhook_subscription (id, name, url, secret, event_types, active, created_at, created_by)"
                        + " values (?, 'cũ', ?, 'inward-secret-0123456789', '{vn.motcua.dossier.received.v1}', true,"
                        + " now(), 'admin1')")) {
            s.setObject(1, id);
            s.setString(2, receivers.baseUrl().replace("127.0.0.1", "localhost") + path);
            s.executeUpdate();
        }
        String code = newCode();
        try {
            send(Topics.INTAKE, received(code, null, null, "424242"));
            await().atMost(WAIT).until(() -> !strings("select last_error from delivery where dossier_code = ?"
                    + " and channel = 'WEBHOOK' and last_error is not null", code).isEmpty());
            assertTrue(strings("select last_error from delivery where dossier_code = ? and channel = 'WEBHOOK'", code)
                    .get(0).contains("refused"));
            assertTrue(receivers.requests(path).isEmpty());
        } finally {
            unsubscribe(id.toString());
        }
    }

    // ----------------------------------------------------------------------------------------------

    private List<Receivers.Request> ok(String path) {
        return receivers.requests(path).stream().filter(r -> r.status() == 200).toList();
    }

    private List<Receivers.Request> smsFor(String code) {
        return receivers.requests("/sms").stream().filter(r -> r.body().contains(code)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> applicantEmailEvents(String code) throws SQLException {
        return strings("select event_type from delivery where dossier_code = ? and audience = 'APPLICANT'"
                + " and channel = 'EMAIL' order by created_at, id", code);
    }

    private void unsubscribe(String id) {
        given().auth().oauth2(TestTokens.admin("admin1")).when().delete("/api/webhook-subscriptions/{id}", id)
                .then().statusCode(204);
    }

    private String subscribe(String path, String secret, List<String> types) {
        return given().auth().oauth2(TestTokens.admin("admin1")).contentType(ContentType.JSON)
                .body(Map.of("name", "tích hợp " + path, "url", receivers.baseUrl() + path, "secret", secret,
                        "eventTypes", types))
                .when().post("/api/webhook-subscriptions")
                .then().statusCode(201).body("secret", equalTo(secret)).extract().path("id");
    }

    private static String newCode() {
        return DossierCode.format(UNIT, NOW, SEQUENCE.incrementAndGet());
    }

    private static DossierSubmitted submitted(String code, String email, String phone, String pin) {
        return new DossierSubmitted(code, "LT-KS-TT-BHYT", 1, "Liên thông khai sinh", UNIT, NOW,
                new Applicant("Trần Thị Dung", phone, email, "Số 2 Ba Đình"), "hmac-of-the-citizen", pin);
    }

    /** An online dossier accepted at the check: no PIN on the event. */
    private static DossierReceived onlineReceived(String code, String email, String phone) {
        DossierReceived counter = received(code, email, phone, null);
        return new DossierReceived(code, counter.procedureCode(), 1, counter.procedureName(), ReceptionChannel.ONLINE,
                UNIT, "counter1", NOW.plusHours(4), NOW.plusDays(14), counter.statutoryTime(),
                new Applicant("Trần Thị Dung", phone, email, "Số 2 Ba Đình"), "hmac-of-the-citizen", null, counter.routingPlan());
    }

    private static String content(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n"); // SMTP sends CRLF
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DossierReceived received(String code, String email, String phone, String pin) {
        RoutingPlanSnapshot plan = new RoutingPlanSnapshot("TUPHAP-BADINH", List.of(PlanStage.single(
                new PlanStep("khai-sinh", "TUPHAP-BADINH", "Tư pháp phường Ba Đình", null, StatutoryTime.workingDays(3)))));
        return new DossierReceived(code, "LT-KS-TT-BHYT", 1, "Liên thông khai sinh", ReceptionChannel.COUNTER, UNIT,
                "counter1", NOW, NOW.plusDays(14), StatutoryTime.workingDays(10),
                new Applicant("Nguyễn Văn An", phone, email, "Số 1 Ba Đình"), null, pin, plan);
    }

    private void send(String topic, EventPayload payload) {
        TopicReader.send(bootstrap, topic,
                List.of(Map.entry(payload.subject(), EventJson.write(EventTypes.envelope("test", payload)))));
    }

    private List<String> outcomes(String code) throws SQLException {
        return strings("select status from delivery where dossier_code = ? order by status", code);
    }

    private List<String> strings(String sql, String param) {
        return Rows.strings(dataSource, sql, param);
    }

    private int count(String sql, String param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
