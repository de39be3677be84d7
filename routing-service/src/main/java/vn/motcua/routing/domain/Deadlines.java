package vn.motcua.routing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.platform.calendar.CalendarStore;
import vn.motcua.routing.config.RoutingConfig;
import vn.motcua.shared.calendar.DeadlineCalculator;
import vn.motcua.shared.events.EventJson;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Deadline arithmetic on routing's calendar (the rules, the bundled tables and those intake publishes)
 * and routing's time source: when to warn about a due date, how far a pause moves it, and now.
 */
@ApplicationScoped
public class Deadlines {
    private final CalendarStore calendars;
    private final RoutingConfig config;
    private final Clock clock;

    public Deadlines(CalendarStore calendars, RoutingConfig config, Clock clock) {
        this.calendars = calendars;
        this.config = config;
        this.clock = clock;
    }

    public DeadlineCalculator calculator() {
        return calendars.calculator();
    }

    /** Now, at +07:00. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(EventJson.VIETNAM);
    }

    /** The configured number of working days before {@code due}. */
    public OffsetDateTime warnAt(OffsetDateTime due) {
        return calculator().warningAt(due.toInstant(), config.deadlines().warningWorkingDays())
                .withOffsetSameInstant(EventJson.VIETNAM);
    }

    /** The working time between the two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(OffsetDateTime from, OffsetDateTime to) {
        Duration between = calculator().workingTimeBetween(from.toInstant(), to.toInstant());
        return between.isNegative() ? Duration.ZERO : between;
    }

    /** {@code due} moved later by {@code workingTime} of office time. */
    public OffsetDateTime shift(OffsetDateTime due, Duration workingTime) {
        return workingTime.isZero() ? due
                : calculator().plusWorkingTime(due.toInstant(), workingTime).withOffsetSameInstant(EventJson.VIETNAM);
    }

    /**
     * The latest due date the single extension may set: {@code due} moved by the procedure's statutory time
     * again (the working time from reception to the first appointment), or by the configured working days
     * where that is longer.
     */
    public OffsetDateTime latestExtension(OffsetDateTime due, OffsetDateTime receivedAt, OffsetDateTime statutoryDueAt) {
        Duration statutory = workingTimeBetween(receivedAt, statutoryDueAt);
        Duration floor = calculator().officeHours().workingDay().multipliedBy(config.deadlines().extensionWorkingDays());
        return shift(due, statutory.compareTo(floor) > 0 ? statutory : floor);
    }

    /**
     * Whether the agency at fault may still give the one new appointment: at least one working day before the
     * lawful due date (docs/calendar.md, "Extension"): a whole working day of office time must remain, and it
     * is not yet the due date's day. So the eve's evening and a weekend before a Monday due date are in time;
     * the due day itself, even before opening, is not.
     */
    public boolean extensionStillInTime(OffsetDateTime now, OffsetDateTime lawfulDue) {
        return now.atZoneSameInstant(EventJson.VIETNAM).toLocalDate()
                .isBefore(lawfulDue.atZoneSameInstant(EventJson.VIETNAM).toLocalDate())
                && workingTimeBetween(now, lawfulDue).compareTo(calculator().officeHours().workingDay()) >= 0;
    }

    public int extensionWorkingDays() {
        return config.deadlines().extensionWorkingDays();
    }

    /** The end of the inbox's "due soon" window from {@code now}. */
    public OffsetDateTime dueSoonLimit(OffsetDateTime now) {
        return shift(now, calculator().officeHours().workingDay().multipliedBy(config.deadlines().dueSoonWorkingDays()));
    }
}
