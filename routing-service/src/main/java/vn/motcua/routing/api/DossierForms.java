package vn.motcua.routing.api;

import vn.motcua.documents.Applicant;
import vn.motcua.documents.ApologyData;
import vn.motcua.documents.ControlSheetData;
import vn.motcua.documents.Issuer;
import vn.motcua.documents.StopNoticeData;
import vn.motcua.routing.domain.AgencyTask;
import vn.motcua.routing.domain.Catalog;
import vn.motcua.routing.domain.ClockActions;
import vn.motcua.routing.domain.DossierQueries;
import vn.motcua.routing.domain.DossierStatus;
import vn.motcua.routing.domain.OneStopUnit;
import vn.motcua.routing.domain.RoutedDossier;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of the forms routing issues, from routing's own rows only: Form 04 (apology and extension
 * request, issued by the agency at fault), Form 05 (stop notice, issued by the stopping agency) and
 * Form 06 (control sheet, issued by the one-stop unit). Parties are named from routing's catalogue copies
 * ({@link Parties}): an agency by the catalogue's name, else the name its tasks carry, else its code; the
 * unit by its name, else its code, and the date line's place from the unit's address. The applicant as
 * received, or {@link #UNKNOWN} for a dossier routed before routing kept it.
 */
final class DossierForms {
    /** Printed where a dossier routed before the applicant was kept would show the name. */
    static final String UNKNOWN = "(chưa có thông tin)";
    static final String HEAD = ClockActions.HEAD_OF_AGENCY;
    /** A name to write in by hand. */
    static final String DOTS = "……………";

    private DossierForms() {
    }

    /**
     * What the catalogue copies know of a dossier's parties: the names of the agencies that had its tasks,
     * extended or stopped it, and its one-stop unit (null when the copy has not got it).
     */
    record Parties(Map<String, String> agencies, OneStopUnit unit) {
        static Parties of(DossierQueries.Found found, Catalog catalog) {
            RoutedDossier d = found.dossier();
            Set<String> codes = new HashSet<>();
            found.tasks().forEach(t -> codes.add(t.agency));
            if (d.extensionAgency != null) {
                codes.add(d.extensionAgency);
            }
            if (d.stopAgency != null) {
                codes.add(d.stopAgency);
            }
            return new Parties(catalog.agencyNames(codes), catalog.unit(d.unitCode).orElse(null));
        }

        String unitName(String code) {
            return unit == null ? code : unit.name;
        }

        String place() {
            return unit == null ? null : unit.place();
        }
    }

    /** Form 04, or null when the dossier has no extension. */
    static ApologyData apology(DossierQueries.Found found, Parties parties) {
        RoutedDossier d = found.dossier();
        if (d.extendedAt == null) {
            return null;
        }
        String agency = agencyName(found, parties, d.extensionAgency);
        // Extended before V8: the signer was optional and its one field held a name or a title.
        boolean legacy = d.apologySignerTitle == null;
        return new ApologyData(new Issuer(null, agency, parties.place()), d.apologyRef, d.code, applicant(d), request(d),
                vn(d.receivedAt), vn(d.extensionPreviousDueAt), agency, d.extensionReason, vn(d.dueAt),
                legacy ? HEAD : d.apologySignerTitle, legacy ? dots(d.apologySignedBy) : d.apologySignedBy,
                vn(d.extendedAt));
    }

    /** Form 05, or null when processing was not stopped. */
    static StopNoticeData stopNotice(DossierQueries.Found found, Parties parties) {
        RoutedDossier d = found.dossier();
        if (d.stoppedAt == null) {
            return null;
        }
        // Stopped before V8: no number nor basis was kept; the defaults a stop gets now.
        return new StopNoticeData(new Issuer(null, agencyName(found, parties, d.stopAgency), parties.place()),
                d.stopRef == null ? "05/" + d.code : d.stopRef, d.code, applicant(d), request(d), vn(d.receivedAt),
                d.stopReason, d.stopLegalBasis == null ? ClockActions.STOP_LEGAL_BASIS : d.stopLegalBasis, HEAD, DOTS,
                vn(d.stoppedAt));
    }

    /**
     * Form 06: the rows of {@link ControlSheet} with the parties named, the person who received each
     * handover (who claimed the task) and who gave it (who closed the giving agency's previous task), the
     * result as the form asks it (trước hạn / đúng hạn / quá hạn) and the outcome as the note.
     */
    static ControlSheetData controlSheet(DossierQueries.Found found, Parties parties, ControlSheet sheet,
                                         OffsetDateTime now) {
        RoutedDossier d = found.dossier();
        List<AgencyTask> tasks = found.tasks();
        Map<String, String> lastCloser = new HashMap<>();
        List<ControlSheetData.Handover> handovers = new ArrayList<>();
        for (int k = 0; k < sheet.rows().size(); k++) {
            ControlSheet.Row row = sheet.rows().get(k);
            AgencyTask task = k < tasks.size() ? tasks.get(k) : null;
            String giver = lastCloser.get(row.from());
            String receiver = task == null ? null : task.claimedBy;
            if (task == null && d.status == DossierStatus.STOPPED) {
                giver = d.stoppedBy;
            }
            handovers.add(new ControlSheetData.Handover(party(found, parties, row.from()), party(found, parties, row.to()),
                    row.handedOverAt(), giver, receiver, timeliness(row, task, d, now), row.dueAt(),
                    withActivities(resultLabel(row.result()), row.activities())));
            if (task != null && !task.status.open()) {
                String closer = task.completedBy != null ? task.completedBy : task.claimedBy;
                if (closer != null) {
                    lastCloser.put(task.agency, closer);
                }
            }
        }
        return new ControlSheetData(new Issuer(null, parties.unitName(d.unitCode), parties.place()), d.code, applicant(d), request(d),
                vn(d.receivedAt), vn(d.statutoryDueAt), handovers, vn(now));
    }

    /**
     * The outcome, then who did what inside the agency and when (issue 24): "Dự thảo kết quả: tuphap2, 09:40
     * 04/12/2026"; a delegate's signature as "KT. <head>" (or TL., TUQ.: the delegation's mark).
     */
    private static String withActivities(String outcome, List<ControlSheet.Activity> activities) {
        if (activities == null || activities.isEmpty()) {
            return outcome;
        }
        java.time.format.DateTimeFormatter at = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
        StringBuilder text = new StringBuilder(outcome == null ? "" : outcome);
        for (ControlSheet.Activity a : activities) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(a.label()).append(": ").append(a.by());
            if (a.onBehalfOf() != null) {
                // a delegate's signature under its mark (KT., TL., TUQ.); an assignment by delegation "thay"
                text.append(" (").append(a.signature() != null ? a.signature() : "thay").append(' ')
                        .append(a.onBehalfOf()).append(')');
            }
            text.append(", ").append(at.format(a.at()));
        }
        return text.toString();
    }

    /** Trước hạn (done on an earlier day than due), đúng hạn, quá hạn; null while open and not yet late. */
    private static String timeliness(ControlSheet.Row row, AgencyTask task, RoutedDossier d, OffsetDateTime now) {
        if (row.onTime() == null) {
            return null;
        }
        if (!row.onTime()) {
            return "Quá hạn";
        }
        OffsetDateTime done = task != null ? (task.completedAt != null ? task.completedAt : task.closedAt)
                : d.decidedAt != null ? d.decidedAt : d.stoppedAt;
        if (done == null) {
            return null;
        }
        return vn(done).toLocalDate().isBefore(row.dueAt().toLocalDate()) ? "Trước hạn" : "Đúng hạn";
    }

    private static String resultLabel(String result) {
        if (result == null) {
            return "Đang giải quyết";
        }
        return switch (result) {
            case "APPROVED" -> "Đồng ý";
            case "REJECTED" -> "Không đồng ý";
            case "RETURNED" -> "Trả lại bước trước";
            case "TRANSFERRED" -> "Chuyển cơ quan khác";
            case "CANCELLED" -> "Hủy";
            case "STOPPED" -> "Dừng giải quyết";
            default -> result;
        };
    }

    /** The unit or an agency by name. */
    private static String party(DossierQueries.Found found, Parties parties, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return code.equals(found.dossier().unitCode) ? parties.unitName(code) : agencyName(found, parties, code);
    }

    /** The catalogue's name, else the latest name the agency's tasks of the dossier carry, else the code. */
    private static String agencyName(DossierQueries.Found found, Parties parties, String agency) {
        String known = parties.agencies().get(agency);
        if (known != null && !known.isBlank()) {
            return known;
        }
        for (int k = found.tasks().size() - 1; k >= 0; k--) {
            AgencyTask task = found.tasks().get(k);
            if (task.agency.equals(agency) && task.agencyName != null && !task.agencyName.isBlank()) {
                return task.agencyName;
            }
        }
        return agency;
    }

    private static String dots(String text) {
        return text == null || text.isBlank() ? DOTS : text;
    }

    private static Applicant applicant(RoutedDossier d) {
        boolean known = d.applicantName != null && !d.applicantName.isBlank();
        return new Applicant(known ? d.applicantName : UNKNOWN, d.applicantAddress, null, null);
    }

    private static String request(RoutedDossier d) {
        return d.procedureName == null || d.procedureName.isBlank() ? d.procedureCode : d.procedureName;
    }

    private static OffsetDateTime vn(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
