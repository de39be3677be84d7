package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.motcua.intake.messaging.CatalogEvents;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.Problem.FieldError;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Versioning of procedures (thủ tục hành chính). A version's content never changes once published;
 * editing publishes a new version from a future or today's date, and the previous version stops
 * applying on that date ({@code effectiveTo}). Dossiers keep the version they were received under.
 */
@ApplicationScoped
public class Procedures {
    private final Catalogue catalogue;
    private final Calendars calendars;

    public Procedures(Catalogue catalogue, Calendars calendars) {
        this.catalogue = catalogue;
        this.calendars = calendars;
    }

    /** Today in Vietnam: versions take effect and stop at the start of a Vietnamese day. */
    public LocalDate today() {
        return now().toLocalDate();
    }

    public OffsetDateTime now() {
        return calendars.now().atOffset(EventJson.VIETNAM);
    }

    /** Creates a procedure with its first version. */
    @Transactional
    public ProcedureVersion create(VersionRecord body, String administrator) {
        List<FieldError> errors = new ArrayList<>();
        String code = ProcedureContent.text(body.code());
        ProcedureRules.code(code, "code", 64, errors);
        ProcedureRules.date(body.effectiveFrom(), "effectiveFrom", true, errors);
        ProcedureContent content = shaped(body, errors);
        if (ProcedureVersion.count("code", code) > 0) {
            throw ProblemException.conflict("procedure-exists", "Đã có thủ tục mã " + code
                    + "; sửa đổi bằng cách tạo phiên bản mới (POST /api/procedures/" + code + "/versions).");
        }
        notBeforeToday(body.effectiveFrom(), "effectiveFrom");
        content = fitted(content, "", true, false);
        ProcedureVersion created = insert(code, 1, body.effectiveFrom(), content, administrator);
        Persistence.flushOrConflict("procedure-exists", "Đã có thủ tục mã " + code + ".");
        catalogue.publish(CatalogEvents.published(created));
        return created;
    }

    /**
     * Publishes a new version edited from {@code basedOnVersion}. Two administrators editing the same
     * version at once: the first to commit wins, the other gets 409 (the row lock orders them and
     * the second then sees a newer version than the one it edited).
     */
    @Transactional
    public ProcedureVersion newVersion(String code, VersionRecord body, String administrator) {
        List<FieldError> errors = new ArrayList<>();
        if (body.basedOnVersion() == null || body.basedOnVersion() < 1) {
            errors.add(new FieldError("basedOnVersion", "bắt buộc: số phiên bản đã sửa từ đó"));
        }
        if (body.code() != null && !body.code().strip().equals(code)) {
            errors.add(new FieldError("code", "khác mã trên đường dẫn " + code));
        }
        ProcedureRules.date(body.effectiveFrom(), "effectiveFrom", true, errors);
        ProcedureContent content = shaped(body, errors);
        ProcedureVersion latest = lockLatest(code, body.basedOnVersion());
        notBeforeToday(body.effectiveFrom(), "effectiveFrom");
        if (!body.effectiveFrom().isAfter(latest.effectiveFrom)) {
            throw dateRejected("effectiveFrom", "phải sau ngày hiệu lực của phiên bản " + latest.version + " ("
                    + latest.effectiveFrom + ")");
        }
        content = fitted(content, "", true, false);
        supersede(latest, body.effectiveFrom());
        ProcedureVersion created = insert(code, latest.version + 1, body.effectiveFrom(), content, administrator);
        Persistence.flushOrConflict("procedure-version-conflict", "Phiên bản " + created.version + " của thủ tục "
                + code + " vừa được người khác tạo; hãy tải lại và sửa từ phiên bản mới nhất.");
        catalogue.publish(CatalogEvents.published(created));
        return created;
    }

    /** Stops the procedure from {@code effectiveTo} on: no new dossiers; existing ones keep their version. */
    @Transactional
    public ProcedureVersion retire(String code, LocalDate effectiveTo, Integer basedOnVersion) {
        List<FieldError> errors = new ArrayList<>();
        ProcedureRules.date(effectiveTo, "effectiveTo", true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        ProcedureVersion latest = lockLatest(code, basedOnVersion);
        if (latest.effectiveTo != null) {
            throw ProblemException.conflict("procedure-already-retired", "Thủ tục " + code + " đã thôi áp dụng từ ngày "
                    + latest.effectiveTo + ".");
        }
        notBeforeToday(effectiveTo, "effectiveTo");
        if (!effectiveTo.isAfter(latest.effectiveFrom)) {
            throw dateRejected("effectiveTo", "phải sau ngày hiệu lực của phiên bản " + latest.version + " ("
                    + latest.effectiveFrom + ")");
        }
        latest.effectiveTo = effectiveTo;
        catalogue.publish(CatalogEvents.retired(latest, now()));
        return latest;
    }

    /**
     * The newest version, locked: versioning and retiring of one procedure take turns. After the lock
     * a fresh query sees a version committed meanwhile, which makes {@code basedOnVersion} stale.
     */
    private ProcedureVersion lockLatest(String code, Integer basedOnVersion) {
        ProcedureVersion latest = ProcedureVersion.find("code = ?1 order by version desc", code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (latest == null) {
            throw ProblemException.notFound("Không có thủ tục mã " + code + ".");
        }
        Integer newest = Panache.getEntityManager()
                .createQuery("select max(p.version) from ProcedureVersion p where p.code = ?1", Integer.class)
                .setParameter(1, code).getSingleResult();
        if (basedOnVersion != null && !basedOnVersion.equals(newest)) {
            throw ProblemException.conflict("procedure-version-conflict", "Phiên bản mới nhất của thủ tục " + code
                    + " là " + newest + ", không phải " + basedOnVersion + "; hãy tải lại và sửa từ phiên bản mới nhất.");
        }
        if (!newest.equals(latest.version)) {
            throw ProblemException.conflict("procedure-version-conflict", "Thủ tục " + code
                    + " vừa có phiên bản mới; hãy tải lại và thử lại.");
        }
        return latest;
    }

    /** The previous version stops applying where the next begins (an earlier retirement date stays). */
    void supersede(ProcedureVersion previous, LocalDate nextFrom) {
        if (previous.effectiveTo == null || previous.effectiveTo.isAfter(nextFrom)) {
            previous.effectiveTo = nextFrom;
            catalogue.publish(CatalogEvents.retired(previous, now()));
        }
    }

    ProcedureVersion insert(String code, int version, LocalDate from, ProcedureContent content, String administrator) {
        ProcedureVersion v = new ProcedureVersion();
        v.code = code;
        v.version = version;
        v.apply(content);
        v.effectiveFrom = from;
        v.publishedAt = now();
        v.publishedBy = administrator;
        v.persist();
        return v;
    }

    /** Content of a valid shape, or 400 listing every error (including those already collected). */
    static ProcedureContent shaped(VersionRecord body, List<FieldError> errors) {
        ProcedureContent content = body.content();
        ProcedureRules.shape(content, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return content;
    }

    /**
     * Content that fits the catalogue (422 otherwise), with the agencies' names in its plan: the
     * catalogue's, or with {@code keepGivenNames} (an import of history) the names it came with.
     */
    static ProcedureContent fitted(ProcedureContent content, String at, boolean requireActive, boolean keepGivenNames) {
        Map<String, Agency> agencies = agencies();
        ProcedureRules.throwIfAny(ProcedureRules.fit(content, at, agencies, requireActive));
        return content.withAgencyNames(code -> agencies.get(code).name, keepGivenNames);
    }

    static Map<String, Agency> agencies() {
        return Agency.<Agency>listAll().stream().collect(Collectors.toMap(a -> a.code, Function.identity()));
    }

    void notBeforeToday(LocalDate date, String field) {
        if (date.isBefore(today())) {
            throw dateRejected(field, "không được trước hôm nay (" + today() + "): không sửa được quá khứ");
        }
    }

    static ProblemException dateRejected(String field, String message) {
        return new ProblemException(Problem.of("effective-date-rejected", "Ngày hiệu lực không hợp lệ", 422,
                "Ngày " + field + " không hợp lệ: " + message + ".").withErrors(List.of(new FieldError(field, message))));
    }
}
