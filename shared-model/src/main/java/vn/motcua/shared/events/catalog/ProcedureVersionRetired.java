package vn.motcua.shared.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.motcua.shared.events.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A procedure version stops applying to new dossiers after {@code effectiveTo}; existing dossiers keep it. */
public record ProcedureVersionRetired(
        String procedureCode,
        int version,
        LocalDate effectiveTo,
        OffsetDateTime retiredAt) implements CatalogEvent {

    public static final String TYPE = "vn.motcua.procedure.version-retired.v1";
    public static final String TOPIC = Topics.CATALOG;

    @JsonIgnore
    @Override
    public String subject() {
        return procedureCode;
    }
}
