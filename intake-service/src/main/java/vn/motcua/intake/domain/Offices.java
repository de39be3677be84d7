package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.motcua.intake.messaging.CatalogEvents;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.Problem.FieldError;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.events.EventJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Agencies and one-stop units: checked, upserted, and announced on the catalogue topic when they change. */
@ApplicationScoped
public class Offices {
    private static final Set<String> LEVELS = Set.of("MINISTRY", "PROVINCE", "COMMUNE");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{2,31}");
    private static final int MAX_DEPTH = 20;

    /** The two kinds of office, with their entity and the words used in problems. */
    public enum Kind {
        AGENCY(Agency.class, Agency::new, "agency", "cơ quan"),
        UNIT(OneStopUnit.class, OneStopUnit::new, "unit", "đơn vị một cửa");

        final Class<? extends Office> type;
        final Supplier<Office> create;
        final String slug;
        final String noun;

        Kind(Class<? extends Office> type, Supplier<Office> create, String slug, String noun) {
            this.type = type;
            this.create = create;
            this.slug = slug;
            this.noun = noun;
        }
    }

    /** What an upsert did: created, changed, or nothing (then nothing is published). */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Upserted(Outcome outcome, OfficeRecord office) {
    }

    private final Catalogue catalogue;
    private final Calendars calendars;

    public Offices(Catalogue catalogue, Calendars calendars) {
        this.catalogue = catalogue;
        this.calendars = calendars;
    }

    /** Filters of the office lists: words in the code or name, level, active flag, parent. */
    public record Search(String q, String level, Boolean active, String parentCode) {
    }

    /** One page of offices by code, and how many match. */
    public Page<OfficeRecord> page(Kind kind, Search search, Page.Request paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (search.q() != null) {
            where.append(" and (lower(code) like :q or lower(name) like :q)");
            parameters.put("q", "%" + search.q().toLowerCase(Locale.ROOT) + "%");
        }
        if (search.level() != null) {
            where.append(" and level = :level");
            parameters.put("level", search.level());
        }
        if (search.active() != null) {
            where.append(" and active = :active");
            parameters.put("active", search.active());
        }
        if (search.parentCode() != null) {
            where.append(" and parentCode = :parent");
            parameters.put("parent", search.parentCode());
        }
        var query = Panache.getEntityManager().createQuery("from " + kind.type.getSimpleName() + " where " + where
                + " order by code", kind.type);
        var count = Panache.getEntityManager().createQuery("select count(*) from " + kind.type.getSimpleName()
                + " where " + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<OfficeRecord> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList()
                .stream().map(Office::record).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    public Office find(Kind kind, String code) {
        return code == null ? null : Panache.getEntityManager().find(kind.type, code);
    }

    /**
     * Creates or replaces an office. {@code createOnly} (POST) answers 409 if the code is taken.
     * The record must be normalized and of a valid shape ({@link #shape}).
     */
    @Transactional
    public Upserted upsert(Kind kind, OfficeRecord r, boolean createOnly) {
        checkParent(kind, r, "parentCode");
        Office office = Panache.getEntityManager().find(kind.type, r.code(), LockModeType.PESSIMISTIC_WRITE);
        if (office != null && createOnly) {
            throw ProblemException.conflict(kind.slug + "-exists", "Đã có " + kind.noun + " mã " + r.code() + ".");
        }
        if (office != null && office.holds(r)) {
            return new Upserted(Outcome.UNCHANGED, office.record());
        }
        Outcome outcome = office == null ? Outcome.CREATED : Outcome.UPDATED;
        if (office == null) {
            office = kind.create.get();
            office.code = r.code();
        }
        office.apply(r, calendars.now().atOffset(EventJson.VIETNAM));
        if (outcome == Outcome.CREATED) {
            office.persist();
            Persistence.flushOrConflict(kind.slug + "-exists", "Đã có " + kind.noun + " mã " + r.code() + ".");
        }
        catalogue.publish(kind == Kind.AGENCY ? CatalogEvents.agency((Agency) office)
                : CatalogEvents.unit((OneStopUnit) office));
        return new Upserted(outcome, office.record());
    }

    /** A unit's reception hours and cut-off as the API shows them. */
    public record HoursView(String unit, List<UnitHours.Day> days, String cutoff, String effectiveCutoff, boolean own,
                            String description) {
    }

    /** The unit's hours (the deployment's when it has none of its own); 404 for an unknown unit. */
    public HoursView hours(String code, java.time.LocalTime deploymentCutoff) {
        OneStopUnit unit = (OneStopUnit) find(Kind.UNIT, code);
        if (unit == null) {
            throw ProblemException.notFound("Không có đơn vị một cửa mã " + code + ".");
        }
        return view(unit, deploymentCutoff);
    }

    /**
     * Sets a unit's reception hours and cut-off (400 for hours that do not make a week, {@link UnitHours#of}); the
     * unit is announced again on the catalogue topic, and receptions use the new hours at once.
     */
    @Transactional
    public HoursView setHours(String code, UnitHours.Json body, String administrator, java.time.LocalTime deploymentCutoff) {
        UnitHours hours = UnitHours.of(body);
        OneStopUnit unit = Panache.getEntityManager().find(OneStopUnit.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (unit == null) {
            throw ProblemException.notFound("Không có đơn vị một cửa mã " + code + ".");
        }
        unit.hours(hours, administrator);
        unit.updatedAt = calendars.now().atOffset(EventJson.VIETNAM);
        catalogue.publish(CatalogEvents.unit(unit));
        return view(unit, deploymentCutoff);
    }

    /** Puts a unit back on the deployment's office hours and cut-off (its own are forgotten); announced like a change. */
    @Transactional
    public HoursView clearHours(String code, String administrator, java.time.LocalTime deploymentCutoff) {
        OneStopUnit unit = Panache.getEntityManager().find(OneStopUnit.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (unit == null) {
            throw ProblemException.notFound("Không có đơn vị một cửa mã " + code + ".");
        }
        unit.deploymentHours(administrator);
        unit.updatedAt = calendars.now().atOffset(EventJson.VIETNAM);
        catalogue.publish(CatalogEvents.unit(unit));
        return view(unit, deploymentCutoff);
    }

    private HoursView view(OneStopUnit unit, java.time.LocalTime deploymentCutoff) {
        UnitHours hours = unit.hours(calendars.calculator().officeHours());
        java.time.LocalTime effective = hours.cutoff() != null ? hours.cutoff() : deploymentCutoff;
        return new HoursView(unit.code, hours.json().days(), hours.json().cutoff(),
                effective == null ? null : effective.toString(), unit.officeHours != null, hours.description());
    }

    /** The parent exists, is of the same kind, and is not the office itself or one of its descendants. */
    void checkParent(Kind kind, OfficeRecord r, String at) {
        if (r.parentCode() == null) {
            return;
        }
        String parent = r.parentCode();
        for (int depth = 0; parent != null; depth++) {
            if (parent.equals(r.code()) || depth > MAX_DEPTH) {
                throw new ProblemException(Problem.of("office-parent-cycle", "Quan hệ cấp trên tạo thành vòng", 422,
                        kind.noun + " " + r.code() + " không thể là cấp trên của chính mình.")
                        .withErrors(List.of(new FieldError(at, "tạo thành vòng"))));
            }
            Office above = find(kind, parent);
            if (above == null) {
                throw new ProblemException(Problem.of("unknown-parent", "Không có đơn vị cấp trên", 422,
                        "Không có " + kind.noun + " mã " + parent + " trong danh mục.")
                        .withErrors(List.of(new FieldError(at, "không có " + kind.noun + " " + parent))));
            }
            parent = above.parentCode;
        }
    }

    /** Shape of a normalized record; {@code at} prefixes field paths. */
    public static void shape(Kind kind, OfficeRecord r, String at, List<FieldError> errors) {
        if (kind == Kind.UNIT) {
            if (r.code() == null || !DossierCode.isValidUnitCode(r.code())) {
                errors.add(new FieldError(at + "code", "mã định danh dạng DDD.DD.DD.LDD theo QCVN 102:2016, ví dụ 000.00.31.H29"));
            }
            if (r.parentCode() != null && !DossierCode.isValidUnitCode(r.parentCode())) {
                errors.add(new FieldError(at + "parentCode", "mã định danh dạng DDD.DD.DD.LDD theo QCVN 102:2016"));
            }
        } else {
            ProcedureRules.code(r.code(), at + "code", 64, errors);
            if (r.parentCode() != null) {
                ProcedureRules.code(r.parentCode(), at + "parentCode", 64, errors);
            }
        }
        ProcedureRules.text(r.name(), at + "name", 500, true, errors);
        if (r.level() == null || !LEVELS.contains(r.level())) {
            errors.add(new FieldError(at + "level", "MINISTRY, PROVINCE hoặc COMMUNE"));
        }
        ProcedureRules.text(r.address(), at + "address", 500, false, errors);
        if (r.email() != null && (r.email().length() > 254 || !EMAIL.matcher(r.email()).matches())) {
            errors.add(new FieldError(at + "email", "địa chỉ thư điện tử không hợp lệ"));
        }
        if (r.phone() != null && !PHONE.matcher(r.phone()).matches()) {
            errors.add(new FieldError(at + "phone", "số điện thoại không hợp lệ (ví dụ 02437333333)"));
        }
    }

    /** Validates a request body: shape (400), the path's code if given (400). */
    public static OfficeRecord checked(Kind kind, String pathCode, OfficeRecord body) {
        if (body == null) {
            throw ProblemException.validation(List.of(new FieldError("body", "bắt buộc")));
        }
        OfficeRecord r = body.normalized();
        List<FieldError> errors = new ArrayList<>();
        if (pathCode != null) {
            if (r.code() != null && !r.code().equals(pathCode)) {
                errors.add(new FieldError("code", "khác mã trên đường dẫn " + pathCode));
            }
            r = new OfficeRecord(pathCode, r.name(), r.level(), r.parentCode(), r.address(), r.email(), r.phone(),
                    r.active(), r.updatedAt());
        }
        shape(kind, r, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return r;
    }
}
