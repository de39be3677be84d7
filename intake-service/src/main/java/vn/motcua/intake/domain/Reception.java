package vn.motcua.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.intake.api.Receipt;
import vn.motcua.intake.api.ReceptionRequest;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.messaging.IntakeEvents;
import vn.motcua.platform.crypto.Hmacs;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.catalog.RequiredDocument;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tiếp nhận hồ sơ: checks a dossier, numbers it, dates its appointment, and announces it. */
@ApplicationScoped
public class Reception {
    /** Who receives: the counter officer's user name and their unit's identity code. */
    public record Officer(String username, String unitCode) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DossierSequences sequences;
    private final Calendars calendars;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final IntakeConfig config;

    public Reception(DossierSequences sequences, Calendars calendars, Outbox outbox, IdempotencyKeys idempotency,
                     IntakeConfig config) {
        this.sequences = sequences;
        this.calendars = calendars;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.config = config;
    }

    /** Receives once per idempotency key: a repeated request answers the first receipt again. */
    @Transactional
    public IdempotencyKeys.Outcome<Receipt> receiveOnce(String idempotencyKey, ReceptionRequest request, Officer officer) {
        return idempotency.once("POST /api/dossiers:" + officer.username(), idempotencyKey, request, 201,
                Receipt.class, () -> receive(request, officer));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt receive(ReceptionRequest request, Officer officer) {
        if (OneStopUnit.findById(officer.unitCode()) == null) {
            throw ProblemException.unprocessable("unknown-unit",
                    "Đơn vị một cửa " + officer.unitCode() + " của cán bộ không có trong danh mục.");
        }
        // PostgreSQL keeps microseconds: the receipt shows the instant exactly as stored.
        Instant now = calendars.now().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime receivedAt = now.atOffset(EventJson.VIETNAM);
        LocalDate receiptDay = receivedAt.toLocalDate();
        ProcedureVersion procedure = ProcedureVersion.inForce(request.procedureCode(), receiptDay)
                .orElseThrow(() -> ProblemException.validation(List.of(new Problem.FieldError("procedureCode",
                        "không có thủ tục " + request.procedureCode() + " đang có hiệu lực"))));
        checkComplete(procedure.requiredDocuments(), request.documents());

        int sequence = sequences.next(officer.unitCode(), receiptDay);
        String code = DossierCode.format(officer.unitCode(), receivedAt, sequence);
        String pin = "%06d".formatted(RANDOM.nextInt(1_000_000));

        Dossier dossier = new Dossier();
        dossier.id = UUID.randomUUID();
        dossier.code = code;
        dossier.procedureCode = procedure.code;
        dossier.procedureVersion = procedure.version;
        dossier.channel = request.channel().name();
        dossier.unitCode = officer.unitCode();
        dossier.status = DossierState.RECEIVED.name();
        ReceptionRequest.Applicant applicant = request.applicant();
        dossier.applicantName = applicant.fullName().strip();
        dossier.applicantId = applicant.idNumber();
        dossier.applicantPhone = applicant.phone();
        dossier.applicantEmail = applicant.email();
        dossier.applicantAddress = applicant.address();
        dossier.citizenIdHmac = applicant.idNumber() == null ? null
                : Hmacs.sha256Hex(config.citizenLinkKey(), applicant.idNumber());
        dossier.pinHmac = pinHmac(code, pin);
        dossier.documents = json(request.documents());
        dossier.receivedBy = officer.username();
        dossier.receivedAt = receivedAt;
        dossier.appointmentAt = calendars.due(now, procedure.statutoryTime());
        dossier.persist();

        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.received(dossier, procedure, pin));
        return new Receipt(code, dossier.status, receivedAt, dossier.appointmentAt, pin);
    }

    public String pinHmac(String code, String pin) {
        return Hmacs.sha256Hex(config.pinKey(), code + ":" + pin);
    }

    /**
     * The completeness checklist: every mandatory document by its exact catalogue name, in at least
     * the required form (an original also serves where a certified copy is asked), in enough copies.
     * All gaps are reported at once, as the one written guidance the officer gives (Form 02).
     */
    static void checkComplete(List<RequiredDocument> required, List<ReceptionRequest.Document> handedIn) {
        List<Problem.FieldError> missing = new ArrayList<>();
        for (RequiredDocument need : required) {
            if (!need.mandatory()) {
                continue;
            }
            boolean satisfied = handedIn.stream().anyMatch(d -> d.name().strip().equals(need.name())
                    && strength(d.form()) >= strength(need.form()) && d.copiesOrOne() >= need.copies());
            if (!satisfied) {
                missing.add(new Problem.FieldError("documents", "thiếu: " + need.name() + " ("
                        + formText(need.form()) + ", " + need.copies() + " bản)"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.of("incomplete-dossier", "Hồ sơ chưa đầy đủ", 422,
                    "Hồ sơ còn thiếu " + missing.size() + " thành phần; hướng dẫn người nộp bổ sung theo Mẫu 02.")
                    .withErrors(missing));
        }
    }

    private static int strength(DocumentForm form) {
        return switch (form) {
            case ORIGINAL -> 3;
            case CERTIFIED_COPY -> 2;
            case COPY -> 1;
        };
    }

    private static String formText(DocumentForm form) {
        return switch (form) {
            case ORIGINAL -> "bản chính";
            case CERTIFIED_COPY -> "bản sao chứng thực";
            case COPY -> "bản sao";
        };
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
