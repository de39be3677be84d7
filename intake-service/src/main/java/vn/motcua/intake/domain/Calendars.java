package vn.motcua.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.calendar.StatutoryTime;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The working-day calendar intake computes appointments with, and the clock it reads. */
@ApplicationScoped
public class Calendars {
    private final DeadlineCalculator calculator = DeadlineCalculator.standard();
    private final Clock clock = Clock.systemUTC();

    public DeadlineCalculator calculator() {
        return calculator;
    }

    public Instant now() {
        return clock.instant();
    }

    public OffsetDateTime due(Instant receivedAt, vn.motcua.shared.events.StatutoryTime time) {
        return calculator.due(receivedAt, toCalendar(time));
    }

    static StatutoryTime toCalendar(vn.motcua.shared.events.StatutoryTime time) {
        return new StatutoryTime(time.value(), switch (time.unit()) {
            case WORKING_DAYS -> StatutoryTime.Unit.WORKING_DAYS;
            case WORKING_HOURS -> StatutoryTime.Unit.WORKING_HOURS;
            case CALENDAR_DAYS -> StatutoryTime.Unit.CALENDAR_DAYS;
        });
    }

}
