package vn.motcua.shared.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deadline of one dossier (or step) as a pure value: when it was received, the statutory time,
 * the pauses (a supplement request stops the clock until the supplement arrives), and at most one
 * extension. Every change returns a new value, so the clock can be stored as is and replayed from
 * events; the due date is derived from it with a {@link DeadlineCalculator}, so a corrected calendar
 * table corrects every open deadline.
 *
 * <p>A pause moves the due date forward by the working time it lasted: the remaining working time is
 * counted again from the resume instant. While paused, {@link #due} is the due date as of the pause
 * start (it moves on resume).
 *
 * @param receivedAt    the receipt (the clock starts per {@link DeadlineCalculator#receiptDay})
 * @param statutoryTime the time allowed
 * @param pauses        closed pauses, in order
 * @param pausedSince   the start of the current pause, or {@code null} when running
 * @param extension     the extension, or {@code null} if none was granted
 */
public record DeadlineClock(Instant receivedAt, StatutoryTime statutoryTime, List<Pause> pauses, Instant pausedSince,
                            Extension extension) {

    public DeadlineClock {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(statutoryTime, "statutoryTime");
        pauses = List.copyOf(pauses == null ? List.of() : pauses);
    }

    /** A pause (tạm dừng), from the request to the resume. */
    public record Pause(Instant from, Instant to) {
        public Pause {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("pause ends before it starts: " + from + " – " + to);
            }
        }
    }

    /**
     * The one extension (gia hạn): the due date it replaced, the new one, and why.
     */
    public record Extension(Instant grantedAt, OffsetDateTime previousDue, OffsetDateTime newDue, String reason) {
    }

    public static DeadlineClock start(Instant receivedAt, StatutoryTime statutoryTime) {
        return new DeadlineClock(receivedAt, statutoryTime, List.of(), null, null);
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    public boolean isExtended() {
        return extension != null;
    }

    public DeadlineClock pause(Instant at) {
        if (isPaused()) {
            throw new IllegalStateException("the clock is already paused since " + pausedSince);
        }
        Instant last = pauses.isEmpty() ? receivedAt : pauses.get(pauses.size() - 1).to();
        if (at.isBefore(last)) {
            throw new IllegalArgumentException("pause at " + at + " precedes " + last);
        }
        return new DeadlineClock(receivedAt, statutoryTime, pauses, at, extension);
    }

    public DeadlineClock resume(Instant at) {
        if (!isPaused()) {
            throw new IllegalStateException("the clock is not paused");
        }
        List<Pause> closed = new ArrayList<>(pauses);
        closed.add(new Pause(pausedSince, at));
        return new DeadlineClock(receivedAt, statutoryTime, closed, null, extension);
    }

    /**
     * Grants the single extension: records the due date it replaces. Pauses after it move the new
     * due date as they moved the old.
     *
     * @throws ExtensionAlreadyGrantedException if the deadline was already extended
     */
    public DeadlineClock extend(Instant grantedAt, OffsetDateTime newDue, String reason, DeadlineCalculator calculator) {
        if (extension != null) {
            throw new ExtensionAlreadyGrantedException(extension);
        }
        OffsetDateTime previous = due(calculator);
        if (!newDue.isAfter(previous)) {
            throw new IllegalArgumentException("an extension must move the due date later than " + previous + ": " + newDue);
        }
        return new DeadlineClock(receivedAt, statutoryTime, pauses, pausedSince,
                new Extension(grantedAt, previous, newDue, reason));
    }

    /** The due date by the statutory time alone, before pauses and extension (thời hạn ban đầu). */
    public OffsetDateTime statutoryDue(DeadlineCalculator calculator) {
        return calculator.due(receivedAt, statutoryTime);
    }

    /** The current due date: statutory or extended, moved by the pauses that count. */
    public OffsetDateTime due(DeadlineCalculator calculator) {
        OffsetDateTime base = extension == null ? statutoryDue(calculator) : extension.newDue();
        Duration paused = pausedWorkingTime(calculator);
        return paused.isZero() ? base : calculator.plusWorkingTime(base.toInstant(), paused);
    }

    /**
     * The working time of the closed pauses that move the current due date (after an extension,
     * only those that began after it: earlier ones are in the extended date already).
     */
    public Duration pausedWorkingTime(DeadlineCalculator calculator) {
        Duration total = Duration.ZERO;
        for (Pause pause : pauses) {
            if (extension == null || !pause.from().isBefore(extension.grantedAt())) {
                total = total.plus(calculator.workingTimeBetween(pause.from(), pause.to()));
            }
        }
        return total;
    }
}
