package vn.motcua.routing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.motcua.routing.domain.DossierQueries;
import vn.motcua.routing.domain.DossierStatus;
import vn.motcua.routing.domain.FinancialObligation;
import vn.motcua.routing.domain.RoutedDossier;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.Outcome;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A dossier's clock as routing keeps it: due dates ({@code statutoryDueAt} the receipt's appointment,
 * {@code lawfulDueAt} that date moved only by lawful pauses — the yardstick of on time — and {@code dueAt}
 * the appointment in force, moved by pauses and the extension), the pause, the single extension (the data of Form 04), the stop (the data of the stop notice) and the financial obligations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierView(
        String code,
        String procedureCode,
        int procedureVersion,
        String unitCode,
        String status,
        int nationalStatusCode,
        OffsetDateTime receivedAt,
        OffsetDateTime statutoryDueAt,
        OffsetDateTime lawfulDueAt,
        OffsetDateTime dueAt,
        OffsetDateTime pausedAt,
        String pausedByAgency,
        Outcome outcome,
        OffsetDateTime decidedAt,
        String note,
        Extension extension,
        Stop stop,
        List<Obligation> obligations) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Extension(OffsetDateTime grantedAt, String agency, String grantedBy, String reason,
                            OffsetDateTime previousDueAt, OffsetDateTime newDueAt, String apologyRef,
                            String signedBy, String signerTitle) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stop(OffsetDateTime stoppedAt, String agency, String stoppedBy, String reason, String documentNumber,
                       String legalBasis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Obligation(UUID id, String agency, long amountVnd, String description, LocalDate payBy,
                             String requestedBy, OffsetDateTime requestedAt, OffsetDateTime paidAt,
                             String paymentReference, String recordedBy) {
    }

    static DossierView of(DossierQueries.Found found) {
        RoutedDossier d = found.dossier();
        Extension extension = d.extendedAt == null ? null : new Extension(vn(d.extendedAt), d.extensionAgency,
                d.extensionBy, d.extensionReason, vn(d.extensionPreviousDueAt), vn(d.dueAt), d.apologyRef,
                d.apologySignedBy, d.apologySignerTitle);
        Stop stop = d.stoppedAt == null ? null : new Stop(vn(d.stoppedAt), d.stopAgency, d.stoppedBy, d.stopReason,
                d.stopRef, d.stopLegalBasis);
        return new DossierView(d.code, d.procedureCode, d.procedureVersion, d.unitCode, d.status.name(),
                nationalStatus(d.status), vn(d.receivedAt), vn(d.statutoryDueAt), vn(d.lawfulDueAt), vn(d.dueAt), vn(d.pausedAt),
                d.pausedByAgency, d.outcome, vn(d.decidedAt), d.note, extension, stop,
                found.obligations().stream().map(DossierView::obligation).toList());
    }

    private static Obligation obligation(FinancialObligation o) {
        return new Obligation(o.id, o.agency, o.amountVnd, o.description, o.payBy, o.requestedBy, vn(o.requestedAt),
                vn(o.paidAt), o.paymentReference, o.recordedBy);
    }

    /** The national public service portal's status code (DOMAIN.md). */
    static int nationalStatus(DossierStatus status) {
        return switch (status) {
            case IN_PROGRESS -> 4;
            case SUPPLEMENT_REQUESTED -> 5;
            case FINANCIAL_OBLIGATION -> 6;
            case WITHDRAWN -> 7;
            case STOPPED -> 8;
            case PROCESSED -> 9;
        };
    }

    static OffsetDateTime vn(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(EventJson.VIETNAM);
    }
}
