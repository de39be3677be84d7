package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.ProcedureRules;
import vn.motcua.shared.events.ReceptionChannel;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.RoutingPlanSnapshot;
import vn.motcua.shared.events.StatutoryTime;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * A dossier was received (tiếp nhận) and given its code and appointment date (Form 01). Carries
 * everything its consumers need since none reads intake's tables: routing takes the plan snapshot,
 * result the procedure and due date, notification the applicant's contact and the plain lookup PIN
 * (only on this event).
 *
 * @param procedureVersion the catalogue version the dossier keeps for its whole life
 * @param unitCode         identity code of the receiving one-stop unit (first part of the dossier code)
 * @param receivedBy       user name of the counter officer; absent for an automatic online reception
 * @param appointmentAt    ngày hẹn trả kết quả: the due date
 * @param citizenIdHmac    keyed HMAC of the applicant's citizen ID, to link a logged-in citizen to their
 *                         dossiers; absent for applicants without one. The ID itself never goes on a topic.
 * @param lookupPin        the 6-digit PIN for the public status lookup, in plain text for notification;
 *                         absent when the dossier was submitted online (the PIN went out on {@code submitted})
 * @param rules            the procedure version's flags and document list routing enforces; absent from
 *                         producers before issue 20 (then everything is allowed)
 * @param sets             số lượng hồ sơ: the sets handed in, for the log book (Form 07); absent from producers before
 *                         issue 20's forms (then one)
 * @param countsFrom       when the statutory time starts to count: {@code receivedAt}; for a same-day procedure
 *                         received after the cut-off, the next working day's opening; received after the unit's
 *                         close, the next working day's opening. Absent from producers before issue 20's cut-off
 *                         (then {@code receivedAt})
 * @param handedOverAt     when the dossier reaches the agencies: {@code countsFrom}; or, received after the cut-off,
 *                         the next working day's opening. Steps counted in working hours start there; steps in
 *                         days count from {@code countsFrom} like the appointment (the day of receipt is not
 *                         counted, so the hand-over the next morning leaves them whole). Absent before issue 20's
 *                         unit hours (then {@code countsFrom})
 */
public record DossierReceived(
        String dossierCode,
        String procedureCode,
        int procedureVersion,
        String procedureName,
        ReceptionChannel channel,
        String unitCode,
        @OptionalField String receivedBy,
        OffsetDateTime receivedAt,
        OffsetDateTime appointmentAt,
        StatutoryTime statutoryTime,
        Applicant applicant,
        @OptionalField String citizenIdHmac,
        @OptionalField String lookupPin,
        RoutingPlanSnapshot routingPlan,
        @OptionalField ReturnChannel returnChannel,
        @OptionalField String returnAddress,
        @OptionalField ProcedureRules rules,
        @OptionalField Integer sets,
        @OptionalField OffsetDateTime countsFrom,
        @OptionalField OffsetDateTime handedOverAt) implements IntakeEvent {

    public static final String TYPE = "vn.motcua.dossier.received.v1";
    public static final String TOPIC = Topics.INTAKE;

    /**
     * The event as producers before issues 19 and 20 wrote it: no stated return channel (the result is handed back
     * at the counter) and no procedure rules.
     */
    public DossierReceived(String dossierCode, String procedureCode, int procedureVersion, String procedureName,
                           ReceptionChannel channel, String unitCode, String receivedBy, OffsetDateTime receivedAt,
                           OffsetDateTime appointmentAt, StatutoryTime statutoryTime, Applicant applicant,
                           String citizenIdHmac, String lookupPin, RoutingPlanSnapshot routingPlan) {
        this(dossierCode, procedureCode, procedureVersion, procedureName, channel, unitCode, receivedBy, receivedAt,
                appointmentAt, statutoryTime, applicant, citizenIdHmac, lookupPin, routingPlan, null, null, null, null, null, null);
    }

    /** The event with the procedure's rules and no stated return channel (the counter). */
    public DossierReceived(String dossierCode, String procedureCode, int procedureVersion, String procedureName,
                           ReceptionChannel channel, String unitCode, String receivedBy, OffsetDateTime receivedAt,
                           OffsetDateTime appointmentAt, StatutoryTime statutoryTime, Applicant applicant,
                           String citizenIdHmac, String lookupPin, RoutingPlanSnapshot routingPlan,
                           ProcedureRules rules) {
        this(dossierCode, procedureCode, procedureVersion, procedureName, channel, unitCode, receivedBy, receivedAt,
                appointmentAt, statutoryTime, applicant, citizenIdHmac, lookupPin, routingPlan, null, null, rules, null, null, null);
    }

    /** The event with the return channel and rules, before the sets were told (one set). */
    public DossierReceived(String dossierCode, String procedureCode, int procedureVersion, String procedureName,
                           ReceptionChannel channel, String unitCode, String receivedBy, OffsetDateTime receivedAt,
                           OffsetDateTime appointmentAt, StatutoryTime statutoryTime, Applicant applicant,
                           String citizenIdHmac, String lookupPin, RoutingPlanSnapshot routingPlan,
                           ReturnChannel returnChannel, String returnAddress, ProcedureRules rules) {
        this(dossierCode, procedureCode, procedureVersion, procedureName, channel, unitCode, receivedBy, receivedAt,
                appointmentAt, statutoryTime, applicant, citizenIdHmac, lookupPin, routingPlan, returnChannel,
                returnAddress, rules, null, null, null);
    }

    /** The event before issue 20's unit hours: no hand-over of its own (the agencies' time starts with the count). */
    public DossierReceived(String dossierCode, String procedureCode, int procedureVersion, String procedureName,
                           ReceptionChannel channel, String unitCode, String receivedBy, OffsetDateTime receivedAt,
                           OffsetDateTime appointmentAt, StatutoryTime statutoryTime, Applicant applicant,
                           String citizenIdHmac, String lookupPin, RoutingPlanSnapshot routingPlan,
                           ReturnChannel returnChannel, String returnAddress, ProcedureRules rules, Integer sets,
                           OffsetDateTime countsFrom) {
        this(dossierCode, procedureCode, procedureVersion, procedureName, channel, unitCode, receivedBy, receivedAt,
                appointmentAt, statutoryTime, applicant, citizenIdHmac, lookupPin, routingPlan, returnChannel,
                returnAddress, rules, sets, countsFrom, null);
    }

    /** When the dossier reaches the agencies; when the statutory time starts to count if the producer did not say. */
    public OffsetDateTime handedOverOrCount() {
        return handedOverAt == null ? countsFromOrReceipt() : handedOverAt;
    }

    /** When the statutory time starts to count; the receipt when the producer did not say. */
    public OffsetDateTime countsFromOrReceipt() {
        return countsFrom == null ? receivedAt : countsFrom;
    }

    /** The sets handed in, one when the producer did not say. */
    public int setsOrOne() {
        return sets == null ? 1 : sets;
    }

    /** Keeps the PIN and contact details out of logs. */
    @Override
    public String toString() {
        return "DossierReceived[dossierCode=" + dossierCode + ", procedureCode=" + procedureCode
                + ", procedureVersion=" + procedureVersion + ", channel=" + channel + ", unitCode=" + unitCode
                + ", receivedAt=" + receivedAt + ", appointmentAt=" + appointmentAt + ", returnChannel=" + returnChannel
                + ", applicant=***, lookupPin=***, returnAddress=***]";
    }
}
