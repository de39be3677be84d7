package vn.motcua.result.api;

import vn.motcua.result.domain.DossierStatus;
import vn.motcua.result.domain.PublicStatusLookup;
import vn.motcua.result.domain.TimelineEntry;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The public status of a dossier (contract fields), plus {@code state} (the machine-readable state) and
 * {@code currentAgencyName}, {@code paused} (the deadline clock is stopped) and {@code onTime} (the processing
 * verdict once decided, before that whether the appointment is still ahead; null while paused or closed). {@code status} is the national portal's Vietnamese status name; timeline
 * notes carry the longer text a citizen reads.
 */
public record DossierStatusView(String code, String status, int nationalStatusCode, String state,
                                String procedureName, OffsetDateTime appointmentAt, String currentAgency,
                                String currentAgencyName, boolean paused, Boolean onTime, List<Step> timeline) {

    /** One entry of the dossier's history. */
    public record Step(OffsetDateTime at, String status, String agency, String note) {
    }

    static DossierStatusView of(PublicStatusLookup.Found found) {
        DossierStatus row = found.status();
        return new DossierStatusView(row.code, row.status.nationalStatus().label(), row.nationalStatusCode,
                row.status.name(), row.procedureName, vietnam(row.appointmentAt), row.currentAgency,
                row.currentAgencyName, row.paused, row.onTime(OffsetDateTime.now(EventJson.VIETNAM)), found.timeline().stream().map(DossierStatusView::step).toList());
    }

    private static Step step(TimelineEntry entry) {
        return new Step(vietnam(entry.at), entry.status.nationalStatus().label(), entry.agency, entry.note);
    }

    private static OffsetDateTime vietnam(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
