package vn.motcua.notification.domain;

import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.Outcome;
import vn.motcua.shared.events.SupplementLapse;
import vn.motcua.shared.events.intake.Applicant;
import vn.motcua.shared.events.intake.DossierReceived;
import vn.motcua.shared.events.intake.DossierRefused;
import vn.motcua.shared.events.intake.DossierSubmitted;
import vn.motcua.shared.events.intake.DossierSupplementRequested;
import vn.motcua.shared.events.intake.DossierSupplementSupplied;
import vn.motcua.shared.events.intake.DossierWithdrawn;
import vn.motcua.shared.events.intake.SubmissionUnchecked;
import vn.motcua.shared.events.intake.SupplementItem;
import vn.motcua.shared.events.result.ResultReturned;
import vn.motcua.shared.events.routing.DeadlineScope;
import vn.motcua.shared.events.routing.DeadlineWarning;
import vn.motcua.shared.events.routing.DossierExtensionGranted;
import vn.motcua.shared.events.routing.DossierOverdue;
import vn.motcua.shared.events.routing.SupplementOverdue;
import vn.motcua.shared.events.routing.DossierProcessed;
import vn.motcua.shared.events.routing.DossierProcessingStopped;
import vn.motcua.shared.events.routing.FinancialObligationRequested;
import vn.motcua.shared.events.routing.TaskAssigned;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a message may say about an event: the dossier's details as texts ready for a Vietnamese template.
 * Only what the messages need: the applicant's name, never an ID number; the plain PIN only from
 * {@code submitted} (online) or {@code received} (at the counter; an online dossier's {@code received}
 * has none, and its message prints no PIN line).
 */
public final class Facts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Facts() {
    }

    /** The agency an event is about, if any: whom the AGENCY audience means. */
    public static Optional<String> agencyCode(EventPayload payload) {
        String code = null;
        if (payload instanceof TaskAssigned e) {
            code = e.agencyCode();
        } else if (payload instanceof DeadlineWarning e) {
            code = e.agencyCode();
        } else if (payload instanceof DossierOverdue e) {
            code = e.agencyCode();
        } else if (payload instanceof SupplementOverdue e) {
            code = e.agencyCode();
        } else if (payload instanceof DossierExtensionGranted e) {
            code = e.agencyAtFaultCode();
        } else if (payload instanceof DossierProcessed e) {
            code = e.leadAgencyCode();
        } else if (payload instanceof DossierSupplementRequested e) {
            code = e.agencyCode();
        } else if (payload instanceof FinancialObligationRequested e) {
            code = e.agencyCode();
        } else if (payload instanceof DossierProcessingStopped e) {
            code = e.agencyCode();
        }
        return Optional.ofNullable(code);
    }

    /**
     * The applicant's contact an event itself carries: {@code submitted}, {@code received}, and
     * {@code refused} of a dossier that was never received. Other events rely on the local copy.
     */
    public static Optional<Applicant> applicant(EventPayload payload) {
        Applicant applicant = null;
        if (payload instanceof DossierReceived e) {
            applicant = e.applicant();
        } else if (payload instanceof DossierSubmitted e) {
            applicant = e.applicant();
        } else if (payload instanceof DossierRefused e) {
            applicant = e.applicant();
        }
        return Optional.ofNullable(applicant);
    }

    public static Map<String, Object> of(String dossierCode, EventPayload payload, Optional<Directory.DossierContact> dossier,
                                         Optional<Directory.Agency> agency) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("code", dossierCode);
        dossier.ifPresent(d -> {
            put(facts, "procedureName", d.procedureName());
            put(facts, "applicantName", d.applicantName());
            put(facts, "receivedAt", time(d.receivedAt()));
            put(facts, "appointmentAt", time(d.appointmentAt()));
        });
        agency.ifPresent(a -> put(facts, "agencyName", a.name()));
        if (payload instanceof DossierReceived e) {
            put(facts, "procedureName", e.procedureName());
            put(facts, "applicantName", e.applicant() == null ? null : e.applicant().addressee());
            put(facts, "receivedAt", time(e.receivedAt()));
            put(facts, "appointmentAt", time(e.appointmentAt()));
            put(facts, "pin", e.lookupPin());
        } else if (payload instanceof DossierSubmitted e) {
            put(facts, "procedureName", e.procedureName());
            put(facts, "applicantName", e.applicant() == null ? null : e.applicant().addressee());
            put(facts, "submittedAt", time(e.submittedAt()));
            put(facts, "pin", e.lookupPin());
        } else if (payload instanceof DossierRefused e) {
            put(facts, "applicantName", e.applicant() == null ? null : e.applicant().addressee());
            put(facts, "refusedAt", time(e.refusedAt()));
            facts.put("reasons", e.reasons().stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList());
        } else if (payload instanceof DossierWithdrawn e) {
            put(facts, "withdrawnAt", time(e.withdrawnAt()));
            put(facts, "reason", e.reason());
        } else if (payload instanceof DossierSupplementSupplied e) {
            put(facts, "suppliedAt", time(e.suppliedAt()));
            facts.put("items", e.items().stream().map(Facts::item).toList());
        } else if (payload instanceof FinancialObligationRequested e) {
            put(facts, "requestedAt", time(e.requestedAt()));
            put(facts, "amount", money(e.amountVnd()));
            put(facts, "description", e.description());
            put(facts, "payBy", date(e.payBy()));
        } else if (payload instanceof DossierProcessingStopped e) {
            put(facts, "stoppedAt", time(e.stoppedAt()));
            put(facts, "reason", e.reason());
            // A dossier routing ended because the supply-by date lapsed: returned to the applicant, or stopped.
            facts.put("returned", e.supplementLapse() == SupplementLapse.RETURN);
        } else if (payload instanceof DossierSupplementRequested e) {
            put(facts, "reason", e.reason());
            facts.put("items", e.items().stream().map(Facts::item).toList());
            put(facts, "supplyBy", date(e.supplyBy()));
        } else if (payload instanceof DossierExtensionGranted e) {
            put(facts, "agencyName", e.agencyAtFaultName());
            put(facts, "reason", e.reason());
            put(facts, "previousDueAt", time(e.previousDueAt()));
            put(facts, "newDueAt", time(e.newDueAt()));
            put(facts, "appointmentAt", time(e.newDueAt()));
            put(facts, "apologyRef", e.apologyRef());
        } else if (payload instanceof DossierProcessed e) {
            put(facts, "decidedAt", time(e.decidedAt()));
            put(facts, "outcome", e.outcome() == Outcome.APPROVED ? "được giải quyết" : "không được giải quyết");
            put(facts, "note", e.note());
        } else if (payload instanceof ResultReturned e) {
            put(facts, "returnedAt", time(e.returnedAt()));
            put(facts, "returnChannel", switch (e.channel()) {
                case COUNTER -> "tại Bộ phận Một cửa";
                case POST -> "qua dịch vụ bưu chính công ích";
                case ONLINE -> "trực tuyến";
            });
            put(facts, "trackingNumber", e.trackingNumber());
        } else if (payload instanceof TaskAssigned e) {
            put(facts, "agencyName", e.agencyName());
            put(facts, "assignedAt", time(e.assignedAt()));
            put(facts, "dueAt", time(e.dueAt()));
        } else if (payload instanceof DeadlineWarning e) {
            put(facts, "dueAt", time(e.dueAt()));
            put(facts, "scope", scope(e.scope()));
        } else if (payload instanceof DossierOverdue e) {
            put(facts, "dueAt", time(e.dueAt()));
            put(facts, "scope", scope(e.scope()));
            put(facts, "agencyCode", e.agencyCode());
        } else if (payload instanceof SubmissionUnchecked e) {
            put(facts, "submittedAt", time(e.submittedAt()));
            put(facts, "checkDueAt", time(e.checkDueAt()));
            put(facts, "unitCode", e.unitCode());
        } else if (payload instanceof SupplementOverdue e) {
            put(facts, "requestedAt", time(e.requestedAt()));
            put(facts, "supplyBy", e.supplyBy().format(DATE));
            put(facts, "agencyCode", e.agencyCode());
        }
        facts.putIfAbsent("procedureName", "thủ tục hành chính");
        facts.putIfAbsent("applicantName", "Quý ông/bà");
        facts.putIfAbsent("agencyName", agency.map(Directory.Agency::code).orElse("cơ quan giải quyết"));
        return facts;
    }

    private static String scope(DeadlineScope scope) {
        return scope == DeadlineScope.TASK ? "bước xử lý của cơ quan" : "hồ sơ";
    }

    private static String item(SupplementItem item) {
        StringBuilder text = new StringBuilder(item.name());
        if (item.form() != null) {
            text.append(" (").append(form(item.form()));
            if (item.copies() != null) {
                text.append(", ").append(item.copies()).append(" bản");
            }
            text.append(')');
        }
        if (item.note() != null && !item.note().isBlank()) {
            text.append(": ").append(item.note().strip());
        }
        return text.toString();
    }

    private static String form(DocumentForm form) {
        return switch (form) {
            case ORIGINAL -> "bản chính";
            case CERTIFIED_COPY -> "bản sao có chứng thực";
            case COPY -> "bản photocopy";
        };
    }

    /** Vietnamese money: dots between thousands, "đồng" (1.500.000 đồng). */
    static String money(long vnd) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0", symbols).format(vnd) + " đồng";
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : TIME.format(time.withOffsetSameInstant(EventJson.VIETNAM));
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static void put(Map<String, Object> facts, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            facts.put(key, value);
        }
    }

    /** For tests and the README: the keys templates may use. */
    public static final List<String> KEYS = List.of("code", "procedureName", "applicantName", "receivedAt",
            "appointmentAt", "pin", "reason", "items", "supplyBy", "agencyName", "previousDueAt", "newDueAt",
            "apologyRef", "decidedAt", "outcome", "note", "returnedAt", "returnChannel", "trackingNumber",
            "assignedAt", "dueAt", "scope", "agencyCode", "submittedAt", "refusedAt", "reasons", "withdrawnAt",
            "suppliedAt", "requestedAt", "amount", "description", "payBy", "stoppedAt");
}
