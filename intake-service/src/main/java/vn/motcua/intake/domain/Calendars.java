package vn.motcua.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.intake.messaging.IntakeEvents;
import vn.motcua.platform.calendar.CalendarStore;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.calendar.OfficialYear;
import vn.motcua.shared.calendar.StatutoryTime;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.catalog.CalendarYearPublished;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The working-day calendar intake computes appointments with (rules, bundled official tables, and
 * the tables its administrators publish), and the clock it reads (the system clock, or the test hook's: config.Clocks).
 */
@ApplicationScoped
public class Calendars {
    private final CalendarStore store;
    private final Outbox outbox;
    private final Clock clock;

    public Calendars(CalendarStore store, Outbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public DeadlineCalculator calculator() {
        return store.calculator();
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * When a receipt's time starts to count, when it reaches the agencies, and when the citizen gets the result
     * (docs/LEGAL-BASIS.md, issue 20, item 5).
     *
     * @param countsFrom   when the statutory time starts: the receipt; received on a working day at or after the
     *                     unit's close, the next working day's opening; for a same-day procedure received at or after
     *                     the cut-off, the next working day's opening
     * @param handedOverAt when the agencies get it: {@code countsFrom}, or at or after the cut-off the next working
     *                     day's opening
     * @param appointment  the due instant of the statutory time from {@code countsFrom} (the day of receipt is not
     *                     counted in days, so a hand-over the next morning changes nothing for the citizen)
     */
    public record Counting(OffsetDateTime countsFrom, OffsetDateTime handedOverAt, OffsetDateTime appointment) {
    }

    /**
     * The counting of a receipt at a unit ({@link UnitHours}: its close per weekday and its cut-off) under a
     * cut-off: the procedure version's if it has one, else the unit's, else the deployment's ({@code fallbackCutoff},
     * null for none).
     */
    public Counting counting(Instant receivedAt, vn.motcua.shared.events.StatutoryTime time, LocalTime versionCutoff,
                             UnitHours unit, LocalTime fallbackCutoff) {
        DeadlineCalculator calculator = calculator();
        StatutoryTime statutory = toCalendar(time);
        Instant receipt = afterClosing(calculator, receivedAt, unit);
        LocalTime cutoff = versionCutoff != null ? versionCutoff : unit.cutoff() != null ? unit.cutoff() : fallbackCutoff;
        Instant handOver = calculator.countsFrom(receipt, cutoff);
        Instant from = calculator.sameDay(statutory) ? handOver : receipt;
        return new Counting(from.atOffset(EventJson.VIETNAM), handOver.atOffset(EventJson.VIETNAM),
                calculator.due(from, statutory));
    }

    /** A receipt on a working day at or after the unit's close: the next working day's opening; else itself. */
    private static Instant afterClosing(DeadlineCalculator calculator, Instant receivedAt, UnitHours unit) {
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(receivedAt, EventJson.VIETNAM);
        LocalTime close = unit.closesOn(local.getDayOfWeek());
        if (!calculator.calendar().isWorkingDay(local.toLocalDate()) || close == null || local.toLocalTime().isBefore(close)) {
            return receivedAt;
        }
        return calculator.openingAfter(local.toLocalDate()).toInstant();
    }

    /**
     * Replaces a year's official table (an administrator follows the Government's notice) and
     * publishes it on {@code motcua.catalog.events}, so every service that computes deadlines
     * applies the same days. Dossiers already received keep their appointment.
     */
    @Transactional
    public void publishYear(OfficialYear table, String administrator) {
        store.save(table, administrator);
        outbox.publish(IntakeEvents.CATALOG_TOPIC, EventTypes.envelope(IntakeEvents.SOURCE, new CalendarYearPublished(
                table.year(), table.entries(), table.sources().stream().map(OfficialYear.Source::title).toList(),
                now().atOffset(EventJson.VIETNAM), administrator)));
    }

    static StatutoryTime toCalendar(vn.motcua.shared.events.StatutoryTime time) {
        return new StatutoryTime(time.value(), switch (time.unit()) {
            case WORKING_DAYS -> StatutoryTime.Unit.WORKING_DAYS;
            case WORKING_HOURS -> StatutoryTime.Unit.WORKING_HOURS;
            case CALENDAR_DAYS -> StatutoryTime.Unit.CALENDAR_DAYS;
        });
    }
}
