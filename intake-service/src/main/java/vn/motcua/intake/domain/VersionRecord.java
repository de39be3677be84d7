package vn.motcua.intake.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motcua.shared.events.SupplementLapse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A procedure version as the admin API takes and shows it and as the catalogue export holds it.
 * Creating a procedure sends {@code code}, {@code effectiveFrom} and the content; a new version sends
 * {@code basedOnVersion} (the version the administrator edited: if another was published meanwhile the
 * request answers 409), {@code effectiveFrom} and the content. {@code version}, {@code effectiveTo},
 * {@code publishedAt} and {@code publishedBy} are set by the service (the export and import carry them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionRecord(String code, Integer version, Integer basedOnVersion, LocalDate effectiveFrom,
                            LocalDate effectiveTo, String name, String field, String competentAgency,
                            ProcedureContent.Time statutoryTime, ProcedureContent.Plan plan,
                            List<ProcedureContent.Document> documents, List<ProcedureContent.Fee> fees,
                            String onlineLevel, String resultForm, String legalBasis, Boolean suspensionAllowed,
                            Boolean extensionAllowed, SupplementLapse supplementLapse, String sameDayCutoff,
                            OffsetDateTime publishedAt, String publishedBy) {

    public ProcedureContent content() {
        return new ProcedureContent(name, field, competentAgency, statutoryTime, plan, documents, fees, onlineLevel,
                resultForm, legalBasis, suspensionAllowed, extensionAllowed, supplementLapse, sameDayCutoff).normalized();
    }

    public static VersionRecord of(ProcedureVersion v) {
        ProcedureContent c = v.content();
        return new VersionRecord(v.code, v.version, null, v.effectiveFrom, v.effectiveTo, c.name(), c.field(),
                c.competentAgency(), c.statutoryTime(), c.plan(), c.documents(), c.fees(), c.onlineLevel(),
                c.resultForm(), c.legalBasis(), c.suspensionAllowed(), c.extensionAllowed(), c.supplementLapse(),
                c.sameDayCutoff(), v.publishedAt,
                v.publishedBy);
    }
}
