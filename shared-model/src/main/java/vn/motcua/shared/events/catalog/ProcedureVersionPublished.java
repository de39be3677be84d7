package vn.motcua.shared.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A version of a procedure (thủ tục hành chính) took effect or will on {@code effectiveFrom}. Dossiers
 * keep the version that applied when they were received.
 *
 * @param feeVnd             fee or charge in VND, absent when free
 * @param suspensionAllowed  whether processing may be paused for a supplement
 * @param extensionAllowed   whether one extension with apology may be granted
 */
public record ProcedureVersionPublished(
        String procedureCode,
        int version,
        String name,
        @OptionalField String field,
        LocalDate effectiveFrom,
        @OptionalField LocalDate effectiveTo,
        StatutoryTime statutoryTime,
        RoutingPlanSnapshot routingPlan,
        List<RequiredDocument> documents,
        @OptionalField Long feeVnd,
        boolean suspensionAllowed,
        boolean extensionAllowed,
        OffsetDateTime publishedAt) implements CatalogEvent {

    public static final String TYPE = "vn.motcua.procedure.version-published.v1";
    public static final String TOPIC = Topics.CATALOG;

    public ProcedureVersionPublished {
        documents = Payloads.list(documents);
    }

    @JsonIgnore
    @Override
    public String subject() {
        return procedureCode;
    }
}
