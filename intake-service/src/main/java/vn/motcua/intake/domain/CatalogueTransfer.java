package vn.motcua.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.intake.messaging.CatalogEvents;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.Problem.FieldError;
import vn.motcua.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The catalogue as one JSON document. An import applies in one transaction (all or nothing) and is
 * idempotent: what is already there as the document says is left alone and announced to no one, so
 * importing the same export twice changes nothing the second time.
 */
@ApplicationScoped
public class CatalogueTransfer {
    private final Offices offices;
    private final Procedures procedures;
    private final Catalogue catalogue;

    public CatalogueTransfer(Offices offices, Procedures procedures, Catalogue catalogue) {
        this.offices = offices;
        this.procedures = procedures;
        this.catalogue = catalogue;
    }

    @Transactional
    public CatalogueExport export() {
        Map<String, List<VersionRecord>> byCode = new LinkedHashMap<>();
        for (ProcedureVersion v : ProcedureVersion.<ProcedureVersion>list("order by code, version")) {
            byCode.computeIfAbsent(v.code, c -> new ArrayList<>()).add(VersionRecord.of(v));
        }
        return new CatalogueExport(CatalogueExport.FORMAT, procedures.now(),
                OneStopUnit.<OneStopUnit>list("order by code").stream().map(Office::record).toList(),
                Agency.<Agency>list("order by code").stream().map(Office::record).toList(),
                byCode.entrySet().stream().map(e -> new CatalogueExport.Procedure(e.getKey(), e.getValue())).toList());
    }

    /** Tallies one kind of item. */
    private static final class Tally {
        int created;
        int updated;
        int unchanged;

        CatalogueExport.Counts counts() {
            return new CatalogueExport.Counts(created, updated, unchanged);
        }

        int changed() {
            return created + updated;
        }
    }

    @Transactional
    public CatalogueExport.Report importAll(CatalogueExport document, String administrator) {
        Checked doc = check(document);
        Tally units = importOffices(Offices.Kind.UNIT, doc.units(), "units");
        Tally agencies = importOffices(Offices.Kind.AGENCY, doc.agencies(), "agencies");
        Tally versions = new Tally();
        LocalDate today = procedures.today();
        for (int i = 0; i < doc.procedures().size(); i++) {
            importProcedure(doc.procedures().get(i), "procedures[" + i + "].", today, administrator, versions);
        }
        return new CatalogueExport.Report(units.counts(), agencies.counts(), versions.counts(),
                units.changed() + agencies.changed() + versions.changed());
    }

    private record Checked(List<OfficeRecord> units, List<OfficeRecord> agencies, List<CatalogueExport.Procedure> procedures) {
    }

    /** Shape of the whole document, every error at once (400), before anything is written. */
    private static Checked check(CatalogueExport doc) {
        List<FieldError> errors = new ArrayList<>();
        if (doc == null) {
            throw ProblemException.validation(List.of(new FieldError("body", "bắt buộc")));
        }
        if (doc.formatVersion() == null || doc.formatVersion() != CatalogueExport.FORMAT) {
            errors.add(new FieldError("formatVersion", "phải là " + CatalogueExport.FORMAT));
        }
        List<OfficeRecord> units = offices(Offices.Kind.UNIT, doc.units(), "units", errors);
        List<OfficeRecord> agencies = offices(Offices.Kind.AGENCY, doc.agencies(), "agencies", errors);
        List<CatalogueExport.Procedure> procedures = doc.procedures() == null ? List.of() : doc.procedures();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < procedures.size(); i++) {
            CatalogueExport.Procedure p = procedures.get(i);
            String at = "procedures[" + i + "].";
            if (p == null) {
                errors.add(new FieldError("procedures[" + i + "]", "bắt buộc"));
                continue;
            }
            ProcedureRules.code(p.code(), at + "code", 64, errors);
            if (p.code() != null && !codes.add(p.code())) {
                errors.add(new FieldError(at + "code", "trùng với thủ tục khác trong tệp"));
            }
            if (p.versions() == null || p.versions().isEmpty()) {
                errors.add(new FieldError(at + "versions", "cần ít nhất một phiên bản"));
                continue;
            }
            for (int j = 0; j < p.versions().size(); j++) {
                VersionRecord v = p.versions().get(j);
                String vat = at + "versions[" + j + "].";
                if (v == null) {
                    errors.add(new FieldError(at + "versions[" + j + "]", "bắt buộc"));
                    continue;
                }
                if (v.version() == null || v.version() != j + 1) {
                    errors.add(new FieldError(vat + "version", "phải là " + (j + 1) + " (các phiên bản liên tiếp từ 1)"));
                }
                if (v.code() != null && !v.code().equals(p.code())) {
                    errors.add(new FieldError(vat + "code", "khác mã thủ tục " + p.code()));
                }
                ProcedureRules.date(v.effectiveFrom(), vat + "effectiveFrom", true, errors);
                ProcedureRules.date(v.effectiveTo(), vat + "effectiveTo", false, errors);
                if (v.effectiveFrom() != null && v.effectiveTo() != null && !v.effectiveTo().isAfter(v.effectiveFrom())) {
                    errors.add(new FieldError(vat + "effectiveTo", "phải sau effectiveFrom"));
                }
                ProcedureRules.text(v.publishedBy(), vat + "publishedBy", 128, false, errors);
                ProcedureRules.shape(v.content(), vat, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new Checked(units, agencies, procedures);
    }

    private static List<OfficeRecord> offices(Offices.Kind kind, List<OfficeRecord> given, String name, List<FieldError> errors) {
        List<OfficeRecord> normalized = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            String at = name + "[" + i + "]";
            if (given.get(i) == null) {
                errors.add(new FieldError(at, "bắt buộc"));
                continue;
            }
            OfficeRecord r = given.get(i).normalized();
            Offices.shape(kind, r, at + ".", errors);
            if (r.code() != null && !codes.add(r.code())) {
                errors.add(new FieldError(at + ".code", "trùng với mục khác trong tệp"));
            }
            normalized.add(r);
        }
        return normalized;
    }

    /** Parents before their children; what never becomes ready forms a cycle. */
    private Tally importOffices(Offices.Kind kind, List<OfficeRecord> records, String name) {
        Tally tally = new Tally();
        Set<String> pending = new HashSet<>(records.stream().map(OfficeRecord::code).toList());
        List<OfficeRecord> left = new ArrayList<>(records);
        while (!left.isEmpty()) {
            List<OfficeRecord> ready = left.stream()
                    .filter(r -> r.parentCode() == null || !pending.contains(r.parentCode())).toList();
            if (ready.isEmpty()) {
                throw new ProblemException(Problem.of("office-parent-cycle", "Quan hệ cấp trên tạo thành vòng", 422,
                        "Các mục " + name + " sau có cấp trên tạo thành vòng: "
                                + String.join(", ", left.stream().map(OfficeRecord::code).toList()) + "."));
            }
            for (OfficeRecord r : ready) {
                switch (offices.upsert(kind, r, false).outcome()) {
                    case CREATED -> tally.created++;
                    case UPDATED -> tally.updated++;
                    case UNCHANGED -> tally.unchanged++;
                }
                pending.remove(r.code());
            }
            left.removeAll(ready);
        }
        return tally;
    }

    /**
     * Versions already here must match the document (their content never changes: 409
     * {@code version-immutable}); only a future end date may be set. New versions are appended; a
     * procedure already here gets no version starting in the past.
     */
    private void importProcedure(CatalogueExport.Procedure p, String at, LocalDate today, String administrator,
                                 Tally tally) {
        List<ProcedureVersion> existing = ProcedureVersion.history(p.code());
        for (int j = 0; j < p.versions().size(); j++) {
            VersionRecord record = p.versions().get(j);
            String vat = at + "versions[" + j + "].";
            ProcedureContent content = record.content();
            if (j < existing.size()) {
                ProcedureVersion here = existing.get(j);
                if (!here.content().equals(content) || !here.effectiveFrom.equals(record.effectiveFrom())) {
                    throw new ProblemException(Problem.of("version-immutable", "Phiên bản đã công bố không sửa được", 409,
                            "Phiên bản " + here.version + " của thủ tục " + p.code() + " đã có với nội dung khác; "
                                    + "sửa đổi phải là một phiên bản mới.")
                            .withErrors(List.of(new FieldError(vat + "version", "nội dung khác phiên bản đã có"))));
                }
                if (Objects.equals(here.effectiveTo, record.effectiveTo())) {
                    tally.unchanged++;
                    continue;
                }
                if (record.effectiveTo() == null || record.effectiveTo().isBefore(today)
                        || (here.effectiveTo != null && here.effectiveTo.isBefore(today))) {
                    throw Procedures.dateRejected(vat + "effectiveTo", "chỉ được đặt ngày thôi áp dụng từ hôm nay ("
                            + today + ") trở đi cho phiên bản chưa thôi áp dụng");
                }
                here.effectiveTo = record.effectiveTo();
                catalogue.publish(CatalogEvents.retired(here, procedures.now()));
                tally.updated++;
            } else {
                if (!existing.isEmpty() && record.effectiveFrom().isBefore(today)) {
                    throw Procedures.dateRejected(vat + "effectiveFrom", "phiên bản mới của thủ tục đã có không được bắt đầu trước hôm nay ("
                            + today + ")");
                }
                boolean applies = record.effectiveTo() == null || record.effectiveTo().isAfter(today);
                content = Procedures.fitted(content, vat, applies, true);
                ProcedureVersion created = procedures.insert(p.code(), j + 1, record.effectiveFrom(), content,
                        record.publishedBy() != null ? record.publishedBy() : administrator);
                created.effectiveTo = record.effectiveTo();
                if (record.publishedAt() != null) {
                    created.publishedAt = record.publishedAt();
                }
                catalogue.publish(CatalogEvents.published(created));
                tally.created++;
            }
        }
        chain(ProcedureVersion.history(p.code()), at);
    }

    /** Each version ends where (or before) the next begins, and the dates only move forward. */
    private static void chain(List<ProcedureVersion> versions, String at) {
        for (int k = 0; k + 1 < versions.size(); k++) {
            ProcedureVersion v = versions.get(k);
            ProcedureVersion next = versions.get(k + 1);
            if (!next.effectiveFrom.isAfter(v.effectiveFrom) || v.effectiveTo == null || v.effectiveTo.isAfter(next.effectiveFrom)) {
                throw new ProblemException(Problem.of("version-chain-inconsistent", "Các phiên bản chồng lấn nhau", 422,
                        "Phiên bản " + v.version + " của thủ tục " + v.code + " phải thôi áp dụng chậm nhất vào ngày phiên bản "
                                + next.version + " có hiệu lực.")
                        .withErrors(List.of(new FieldError(at + "versions[" + k + "].effectiveTo",
                                "phải có và không sau " + next.effectiveFrom))));
            }
        }
    }
}
