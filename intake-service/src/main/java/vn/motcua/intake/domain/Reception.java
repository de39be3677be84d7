package vn.motcua.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.intake.api.Receipt;
import vn.motcua.intake.api.ReceptionRequest;
import vn.motcua.intake.api.SubmissionRequest;
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
import vn.motcua.shared.events.intake.ApplicantKind;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.ReturnChannel;
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
    /** Who receives: the counter officer's user name, full name (printed on Form 01) and their unit's identity code. */
    public record Officer(String username, String fullName, String unitCode) {
    }

    /** A logged-in citizen: user name and the {@code citizen_id} claim. */
    public record Citizen(String username, String citizenId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DossierSequences sequences;
    private final Calendars calendars;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final IntakeConfig config;
    private final Catalogue catalogue;
    private final TerritorialCompetence competence;
    private final DossierRows rows;

    public Reception(DossierSequences sequences, Calendars calendars, Outbox outbox, IdempotencyKeys idempotency,
                     IntakeConfig config, Catalogue catalogue, TerritorialCompetence competence, DossierRows rows) {
        this.rows = rows;
        this.sequences = sequences;
        this.calendars = calendars;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.config = config;
        this.catalogue = catalogue;
        this.competence = competence;
    }

    /** Receives once per idempotency key: a repeated request answers the first receipt again. */
    @Transactional
    public IdempotencyKeys.Outcome<Receipt> receiveOnce(String idempotencyKey, ReceptionRequest request, Officer officer) {
        return idempotency.once("POST /api/dossiers:" + officer.username(), idempotencyKey, request, 201,
                Receipt.class, () -> receive(request, officer));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt receive(ReceptionRequest request, Officer officer) {
        Instant now = now();
        ProcedureVersion procedure = procedureInForce(request.procedureCode(), now);
        checkComplete(procedure.requiredDocuments(), request.documents());
        String pin = newPin();
        Dossier dossier = register(officer.unitCode(), procedure, request.channel(), request.applicant(),
                request.documents(), DossierState.RECEIVED, now, pin);
        dossier.citizenIdHmac = citizenHmac(request.applicant().idNumber());
        returnBy(dossier, request);
        dossier.sets = request.sets() == null ? 1 : request.sets();
        dossier.communeCode = request.commune();
        markReceived(dossier, procedure, officer, now);
        rows.insert(dossier, officer.username(), "RECEIVE");

        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.received(dossier, procedure, pin,
                competence.plan(procedure, dossier.communeCode)));
        return Receipt.of(dossier, pin);
    }

    /** Nộp hồ sơ trực tuyến: once per idempotency key, like a reception at the counter. */
    @Transactional
    public IdempotencyKeys.Outcome<Receipt> submitOnce(String idempotencyKey, SubmissionRequest request, Citizen citizen) {
        return idempotency.once("POST /api/public/submissions:" + citizen.username(), idempotencyKey, request, 201,
                Receipt.class, () -> submit(request, citizen));
    }

    /**
     * An online submission: numbered and given its PIN now so the citizen can follow it, but not
     * received: it waits for a counter officer's check (status 1), and the deadline clock has not
     * started. Completeness is the officer's check, done when they accept it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Receipt submit(SubmissionRequest request, Citizen citizen) {
        Instant now = now();
        ProcedureVersion procedure = procedureInForce(request.procedureCode(), now);
        if (procedure.onlineLevel == null) {
            throw ProblemException.unprocessable("not-offered-online", "Thủ tục " + procedure.code
                    + " chưa được cung cấp dịch vụ công trực tuyến; hãy nộp hồ sơ tại Bộ phận Một cửa hoặc qua bưu chính.");
        }
        String pin = newPin();
        Dossier dossier = register(request.unitCode(), procedure, ReceptionChannel.ONLINE, request.applicant(),
                request.documents(), DossierState.SUBMITTED, now, pin);
        dossier.submittedAt = dossier.registeredAt;
        dossier.submittedBy = citizen.username();
        dossier.communeCode = request.commune();
        // The submission belongs to the logged-in citizen, whoever the applicant named in it is.
        dossier.citizenIdHmac = citizenHmac(citizen.citizenId());
        rows.insert(dossier, citizen.username(), "SUBMIT");

        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.submitted(dossier, procedure, pin));
        return Receipt.of(dossier, pin);
    }

    /**
     * Tiếp nhận a submission after the check: the documents (with any supplement) must now be complete;
     * the clock starts from this moment (outside working hours, from the next working day).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(Dossier dossier, Officer officer) {
        ProcedureVersion procedure = ProcedureVersion.findById(
                new ProcedureVersion.Key(dossier.procedureCode, dossier.procedureVersion));
        checkComplete(procedure.requiredDocuments(), documentsOf(dossier));
        markReceived(dossier, procedure, officer, now());
        outbox.publish(IntakeEvents.TOPIC, IntakeEvents.received(dossier, procedure, null,
                competence.plan(procedure, dossier.communeCode)));
    }

    /** The return channel asked for; by post, to the address given or else the applicant's (400 if neither). */
    static void returnBy(Dossier dossier, ReceptionRequest request) {
        ReturnChannel channel = request.returnChannel() == null ? ReturnChannel.COUNTER : request.returnChannel();
        dossier.returnChannel = channel.name();
        if (channel == ReturnChannel.POST) {
            String address = blankToNull(request.returnAddress());
            dossier.returnAddress = address != null ? address : blankToNull(request.applicant().address());
            if (dossier.returnAddress == null) {
                throw ProblemException.validation(List.of(new Problem.FieldError("returnAddress",
                        "cần địa chỉ nhận kết quả qua bưu chính")));
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void markReceived(Dossier dossier, ProcedureVersion procedure, Officer officer, Instant now) {
        int year = now.atOffset(EventJson.VIETNAM).getYear();
        dossier.logBookEntry = sequences.nextLogBookEntry(dossier.unitCode, year);
        dossier.logBook = String.valueOf(year);
        dossier.status = DossierState.RECEIVED.name();
        dossier.receivedBy = officer.username();
        dossier.receivedByName = officer.fullName();
        dossier.receivedAt = now.atOffset(EventJson.VIETNAM);
        dossier.statusChangedAt = dossier.receivedAt;
        // After the unit's close, the next working day; after the cut-off (the version's, else the unit's, else the
        // deployment's), a same-day procedure's day and any hand-over move to the next working day (UnitHours;
        // docs/LEGAL-BASIS.md, issue 20, item 5).
        Calendars.Counting counting = calendars.counting(now, procedure.statutoryTime(), procedure.sameDayCutoff,
                hoursOf(dossier.unitCode), config.cutoff());
        dossier.countsFrom = counting.countsFrom();
        dossier.handedOverAt = counting.handedOverAt();
        dossier.appointmentAt = counting.appointment();
    }

    /** The unit's reception hours and cut-off (the deployment's office hours when it has none of its own). */
    private UnitHours hoursOf(String unitCode) {
        OneStopUnit unit = catalogue.unit(unitCode);
        return unit == null ? UnitHours.standard(calendars.calculator().officeHours())
                : unit.hours(calendars.calculator().officeHours());
    }

    private Dossier register(String unitCode, ProcedureVersion procedure, ReceptionChannel channel,
                             ReceptionRequest.Applicant applicant, List<ReceptionRequest.Document> documents,
                             DossierState state, Instant now, String pin) {
        OneStopUnit unit = catalogue.unit(unitCode);
        if (unit == null || !unit.active) {
            throw ProblemException.unprocessable("unknown-unit", "Đơn vị một cửa " + unitCode
                    + (unit == null ? " không có trong danh mục." : " đã ngừng tiếp nhận hồ sơ."));
        }
        OffsetDateTime at = now.atOffset(EventJson.VIETNAM);
        int sequence = sequences.next(unitCode, at.toLocalDate());
        String code = DossierCode.format(unitCode, at, sequence);

        Dossier dossier = new Dossier();
        dossier.id = UUID.randomUUID();
        dossier.code = code;
        dossier.procedureCode = procedure.code;
        dossier.procedureVersion = procedure.version;
        dossier.channel = channel.name();
        dossier.unitCode = unitCode;
        dossier.status = state.name();
        dossier.applicantName = applicant.fullName().strip();
        dossier.applicantId = applicant.idNumber();
        dossier.applicantPhone = applicant.phone();
        dossier.applicantEmail = applicant.email();
        dossier.applicantAddress = applicant.address();
        capacity(dossier, applicant, at.toLocalDate());
        dossier.pinHmac = pinHmac(code, pin);
        dossier.documents = json(documents);
        dossier.registeredAt = at;
        dossier.statusChangedAt = at;
        return dossier;
    }

    /**
     * In what capacity the applicant submits (issue 24): for an organisation (its name and tax code), as a
     * citizen's authorised representative (whom, and the authorisation document, dated no later than today), or
     * for themselves. What the kind needs is required and what it does not take is refused (400, field by field).
     */
    private static void capacity(Dossier dossier, ReceptionRequest.Applicant applicant, LocalDate today) {
        ApplicantKind kind = applicant.kindOrCitizen();
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (kind == ApplicantKind.ORGANISATION && applicant.organisation() == null) {
            errors.add(new Problem.FieldError("applicant.organisation", "bắt buộc với người nộp là tổ chức (tên, mã số thuế)"));
        }
        if (kind != ApplicantKind.ORGANISATION && applicant.organisation() != null) {
            errors.add(new Problem.FieldError("applicant.organisation", "chỉ dùng khi kind là ORGANISATION"));
        }
        if (kind == ApplicantKind.REPRESENTATIVE) {
            if (applicant.represents() == null) {
                errors.add(new Problem.FieldError("applicant.represents", "bắt buộc với người đại diện theo ủy quyền"));
            }
            if (applicant.authorisation() == null) {
                errors.add(new Problem.FieldError("applicant.authorisation",
                        "bắt buộc với người đại diện theo ủy quyền (số, ngày văn bản ủy quyền)"));
            } else if (applicant.authorisation().date().isAfter(today)) {
                errors.add(new Problem.FieldError("applicant.authorisation.date", "không được sau ngày nộp hồ sơ"));
            }
        } else {
            if (applicant.represents() != null) {
                errors.add(new Problem.FieldError("applicant.represents", "chỉ dùng khi kind là REPRESENTATIVE"));
            }
            if (applicant.authorisation() != null) {
                errors.add(new Problem.FieldError("applicant.authorisation", "chỉ dùng khi kind là REPRESENTATIVE"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        dossier.applicantKind = kind == ApplicantKind.CITIZEN ? null : kind.name();
        if (applicant.organisation() != null) {
            dossier.organisationName = applicant.organisation().name().strip();
            dossier.taxCode = applicant.organisation().taxCode();
        }
        if (applicant.represents() != null) {
            dossier.representedName = applicant.represents().fullName().strip();
            dossier.representedId = applicant.represents().idNumber();
            dossier.representedAddress = blankToNull(applicant.represents().address());
            dossier.authorisationNumber = applicant.authorisation().number().strip();
            dossier.authorisationDate = applicant.authorisation().date();
            dossier.authorisationIssuedBy = blankToNull(applicant.authorisation().issuedBy());
        }
    }

    /**
     * The capacity line of the forms under the applicant's name: for whom they submit, or null for a citizen
     * applying for themselves.
     */
    public static String capacityLine(Dossier d) {
        if (d.organisationName != null) {
            return "Đại diện cho tổ chức: " + d.organisationName + " (mã số thuế " + d.taxCode + ")";
        }
        if (d.representedName != null) {
            return "Đại diện theo ủy quyền của: " + d.representedName + " (văn bản ủy quyền số " + d.authorisationNumber
                    + " ngày " + d.authorisationDate.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    + (d.authorisationIssuedBy == null ? "" : ", " + d.authorisationIssuedBy) + ")";
        }
        return null;
    }

    /** PostgreSQL keeps microseconds: receipts show instants exactly as stored. */
    private Instant now() {
        return calendars.now().truncatedTo(ChronoUnit.MICROS);
    }

    private ProcedureVersion procedureInForce(String procedureCode, Instant now) {
        return catalogue.procedureInForce(procedureCode, now.atOffset(EventJson.VIETNAM).toLocalDate())
                .orElseThrow(() -> ProblemException.validation(List.of(new Problem.FieldError("procedureCode",
                        "không có thủ tục " + procedureCode + " đang có hiệu lực"))));
    }

    private static String newPin() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    private String citizenHmac(String citizenId) {
        return citizenId == null ? null : Hmacs.sha256Hex(config.citizenLinkKey(), citizenId);
    }

    /** The citizen-link HMAC of a logged-in citizen's ID: how their own dossiers are found. */
    public String citizenLink(String citizenId) {
        return citizenHmac(citizenId);
    }

    /** Writes one line of the dossier's history (the current status is the new one). */
    public static void history(Dossier dossier, String actor, String action, String fromStatus, List<String> reasons,
                               String note) {
        HistoryEntry entry = new HistoryEntry();
        entry.dossierId = dossier.id;
        entry.at = dossier.statusChangedAt;
        entry.actor = actor;
        entry.action = action;
        entry.fromStatus = fromStatus;
        entry.toStatus = dossier.status;
        entry.reasons = json(reasons);
        entry.note = note;
        entry.persist();
    }

    public static List<ReceptionRequest.Document> documentsOf(Dossier dossier) {
        try {
            return EventJson.mapper().readValue(dossier.documents, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dossier row holds documents of the wrong shape", e);
        }
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
        List<Problem.FieldError> missing = missing(required, handedIn).stream()
                .map(need -> new Problem.FieldError("documents", "thiếu: " + need.name() + " ("
                        + formText(need.form()) + ", " + need.copies() + " bản)"))
                .toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.of("incomplete-dossier", "Hồ sơ chưa đầy đủ", 422,
                    "Hồ sơ còn thiếu " + missing.size() + " thành phần; hướng dẫn người nộp bổ sung theo Mẫu 02.")
                    .withErrors(missing));
        }
    }

    /** The mandatory documents not handed in by name, in a strong enough form, in enough copies. */
    public static List<RequiredDocument> missing(List<RequiredDocument> required, List<ReceptionRequest.Document> handedIn) {
        return required.stream().filter(RequiredDocument::mandatory)
                .filter(need -> handedIn.stream().noneMatch(d -> d.name().strip().equals(need.name())
                        && strength(d.form()) >= strength(need.form()) && d.copiesOrOne() >= need.copies()))
                .toList();
    }

    /** The procedure version in force today, or a 400 naming the code. */
    public ProcedureVersion procedureInForce(String procedureCode) {
        return procedureInForce(procedureCode, now());
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

    static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
