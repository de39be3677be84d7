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

    public OffsetDateTime due(Instant receivedAt, vn.motcua.shared.events.StatutoryTime time) {
        return calculator().due(receivedAt, toCalendar(time));
    }

    /** When the statutory time of a receipt starts to count: after the cut-off, a same-day procedure's next morning. */
    public OffsetDateTime countsFrom(Instant receivedAt, vn.motcua.shared.events.StatutoryTime time, LocalTime sameDayCutoff) {
        DeadlineCalculator calculator = calculator();
        Instant from = calculator.sameDay(toCalendar(time)) ? calculator.countsFrom(receivedAt, sameDayCutoff) : receivedAt;
        return from.atOffset(EventJson.VIETNAM);
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
