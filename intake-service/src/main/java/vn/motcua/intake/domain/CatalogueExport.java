package vn.motcua.intake.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The whole catalogue as JSON ({@code GET /api/catalogue/export}), and what {@code POST
 * /api/catalogue/import} takes: one-stop units, agencies, and every version of every procedure.
 *
 * @param formatVersion 1; an import of another format is refused
 */
public record CatalogueExport(Integer formatVersion, OffsetDateTime exportedAt, List<OfficeRecord> units,
                              List<OfficeRecord> agencies, List<Procedure> procedures) {
    public static final int FORMAT = 1;

    /** A procedure and all its versions, oldest first. */
    public record Procedure(String code, List<VersionRecord> versions) {
    }

    /** What an import did, per kind of item. */
    public record Report(Counts units, Counts agencies, Counts procedureVersions, int eventsPublished) {
    }

    public record Counts(int created, int updated, int unchanged) {
    }
}
