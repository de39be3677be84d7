package vn.motcua.intake.domain;

import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.DurationUnit;
import vn.motcua.shared.events.PlanStage;
import vn.motcua.shared.events.PlanStep;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StageKind;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.StepFlow;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.catalog.RequiredDocument;

import java.util.List;
import java.util.function.Function;

/**
 * What an administrator edits in a procedure version (everything but its code, number and dates).
 * The fields are boxed and lenient so that bad input is reported field by field ({@link ProcedureRules})
 * instead of failing in the JSON reader; {@link #normalized()} is the form stored and compared.
 *
 * @param plan the routing plan in the JSON shape of the events' {@link RoutingPlanSnapshot}; the lead
 *             agency defaults to the competent agency, step agency names are taken from the catalogue
 */
public record ProcedureContent(String name, String field, String competentAgency, Time statutoryTime, Plan plan,
                               List<Document> documents, List<Fee> fees, String onlineLevel, String resultForm,
                               String legalBasis, Boolean suspensionAllowed, Boolean extensionAllowed,
                               SupplementLapse supplementLapse, String sameDayCutoff) {

    public record Time(Integer value, DurationUnit unit) {
        StatutoryTime toStatutory() {
            return new StatutoryTime(value, unit);
        }
    }

    public record Plan(String leadAgencyCode, List<Stage> stages) {
    }

    public record Stage(StageKind kind, List<Step> steps) {
    }

    /** {@code flow}: how the agency works the step inside itself (issue 24); absent means plain. */
    public record Step(String stepId, String agencyCode, String agencyName, String name, Time share, StepFlow flow) {
        public Step(String stepId, String agencyCode, String agencyName, String name, Time share) {
            this(stepId, agencyCode, agencyName, name, share, null);
        }
    }

    /** A document of the dossier: {@code form} is the weakest form accepted (ORIGINAL > CERTIFIED_COPY > COPY). */
    public record Document(String name, DocumentForm form, Integer copies, Boolean mandatory) {
    }

    /** A fee or charge (phí, lệ phí) in VND. */
    public record Fee(String name, Long amountVnd, String note) {
    }

    /**
     * Trimmed texts, blanks as absent, defaults filled in (suspension and extension allowed, documents mandatory, a
     * lapsed supplement returns the dossier).
     */
    public ProcedureContent normalized() {
        Plan p = plan == null ? null : new Plan(text(plan.leadAgencyCode()) == null ? text(competentAgency) : text(plan.leadAgencyCode()),
                plan.stages() == null ? null : plan.stages().stream().map(s -> s == null ? null : new Stage(s.kind(),
                        s.steps() == null ? null : s.steps().stream().map(t -> t == null ? null : new Step(text(t.stepId()),
                                text(t.agencyCode()), text(t.agencyName()), text(t.name()), t.share(), t.flow())).toList())).toList());
        return new ProcedureContent(text(name), text(field), text(competentAgency), statutoryTime, p,
                documents == null ? List.of() : documents.stream().map(d -> d == null ? null : new Document(text(d.name()),
                        d.form(), d.copies() == null ? Integer.valueOf(1) : d.copies(),
                        d.mandatory() == null ? Boolean.TRUE : d.mandatory())).toList(),
                fees == null ? List.of() : fees.stream().map(f -> f == null ? null
                        : new Fee(text(f.name()), f.amountVnd(), text(f.note()))).toList(),
                text(onlineLevel), text(resultForm), text(legalBasis),
                suspensionAllowed == null ? Boolean.TRUE : suspensionAllowed,
                extensionAllowed == null ? Boolean.TRUE : extensionAllowed,
                supplementLapse == null ? SupplementLapse.RETURN : supplementLapse, text(sameDayCutoff));
    }

    /**
     * The same content with each step's agency name (the snapshot routing shows) from {@code nameOf},
     * or only where it is missing when {@code keepGiven}.
     */
    public ProcedureContent withAgencyNames(Function<String, String> nameOf, boolean keepGiven) {
        Plan p = new Plan(plan.leadAgencyCode(), plan.stages().stream().map(s -> new Stage(s.kind(), s.steps().stream()
                .map(t -> new Step(t.stepId(), t.agencyCode(), keepGiven && t.agencyName() != null ? t.agencyName()
                        : nameOf.apply(t.agencyCode()), t.name(), t.share(), t.flow())).toList())).toList());
        return new ProcedureContent(name, field, competentAgency, statutoryTime, p, documents, fees, onlineLevel,
                resultForm, legalBasis, suspensionAllowed, extensionAllowed, supplementLapse, sameDayCutoff);
    }

    /** The version's own cut-off for same-day receptions ("HH:mm"), or null for the deployment's; only when valid. */
    public java.time.LocalTime cutoff() {
        return sameDayCutoff == null ? null : java.time.LocalTime.parse(sameDayCutoff);
    }

    /** Only for validated content. */
    public RoutingPlanSnapshot routingPlan() {
        return new RoutingPlanSnapshot(plan.leadAgencyCode(), plan.stages().stream().map(s -> new PlanStage(s.kind(),
                s.steps().stream().map(t -> new PlanStep(t.stepId(), t.agencyCode(), t.agencyName(), t.name(),
                        t.share().toStatutory(), t.flow())).toList())).toList());
    }

    /** Only for validated content. */
    public List<RequiredDocument> requiredDocuments() {
        return documents.stream().map(d -> new RequiredDocument(d.name(), d.form(), d.copies(), d.mandatory())).toList();
    }

    /** The sum of the fees, or null when the procedure is free (the events' {@code feeVnd}). */
    public Long feeVnd() {
        long total = fees == null ? 0 : fees.stream().mapToLong(f -> f.amountVnd() == null ? 0 : f.amountVnd()).sum();
        return total == 0 ? null : total;
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
