package vn.motcua.shared.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One generated case of a law: draws inputs from a seeded {@link Random} and remembers them, so that
 * {@link #toString()} (used as every assertion's message) names the seed, the case number and each
 * input. A failure is reproduced by rerunning the same seed; the inputs are printed to make a
 * table test of it.
 *
 * <p>Plain JUnit instead of a property-testing library: jqwik 1.10 asks AI agents not to use it, and
 * these tests are written by one. What a library adds (edge cases, shrinking) is replaced by inputs
 * biased towards the edges (official-table years, session boundaries, whole days) and by exhaustive
 * sweeps where those are cheap.
 */
final class Sample {
    /** Cases per seed. */
    static final int CASES = 300;

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** Years of the bundled official tables (with swaps and make-up Saturdays), and a margin. */
    private static final long TABLES_FROM = LocalDate.of(2018, 12, 1).toEpochDay();
    private static final long TABLES_TO = LocalDate.of(2027, 1, 31).toEpochDay();
    /** Far enough from the calendar's ends (2000, 2099) for a few hundred working days either way. */
    private static final long ANY_FROM = LocalDate.of(2003, 1, 1).toEpochDay();
    private static final long ANY_TO = LocalDate.of(2098, 1, 1).toEpochDay();
    /** Times of day at and around the default sessions' edges, and the ends of the day. */
    private static final LocalTime[] EDGES = {
            LocalTime.MIDNIGHT, LocalTime.of(7, 29, 59), LocalTime.of(7, 30), LocalTime.of(7, 30, 1),
            LocalTime.of(11, 29, 59), LocalTime.of(11, 30), LocalTime.of(12, 0), LocalTime.of(13, 0),
            LocalTime.of(16, 59, 59), LocalTime.of(17, 0), LocalTime.of(17, 0, 1), LocalTime.of(23, 59, 59)};

    private final long seed;
    private final int index;
    private final Random random;
    private final StringBuilder inputs = new StringBuilder();

    private Sample(long seed, int index, Random random) {
        this.seed = seed;
        this.index = index;
        this.random = random;
    }

    /** Runs {@code law} on {@link #CASES} cases drawn from one generator seeded with {@code seed}. */
    static void forEach(long seed, Consumer<Sample> law) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            law.accept(new Sample(seed, i, random));
        }
    }

    private <T> T note(String name, T value) {
        inputs.append(inputs.isEmpty() ? ": " : ", ").append(name).append('=').append(value);
        return value;
    }

    int intIn(String name, int min, int max) {
        return note(name, min + random.nextInt(max - min + 1));
    }

    long longIn(String name, long min, long max) {
        return note(name, min + (long) (random.nextDouble() * (max - min + 1)));
    }

    /** A day: half the time in the official-table years 2019–2026, else anywhere in 2003–2097. */
    LocalDate day(String name) {
        return note(name, LocalDate.ofEpochDay(epochDay()));
    }

    private long epochDay() {
        return random.nextBoolean()
                ? TABLES_FROM + random.nextInt((int) (TABLES_TO - TABLES_FROM + 1))
                : ANY_FROM + random.nextInt((int) (ANY_TO - ANY_FROM + 1));
    }

    /** An instant of such a day: 40 % on a session edge or the day's ends, else any second. */
    Instant instant(String name) {
        LocalDate day = LocalDate.ofEpochDay(epochDay());
        LocalTime time = random.nextInt(10) < 4
                ? EDGES[random.nextInt(EDGES.length)]
                : LocalTime.ofSecondOfDay(random.nextInt(86_400));
        return note(name, OffsetDateTime.of(day, time, VIETNAM)).toInstant();
    }

    /** An amount of working time up to {@code maxHours}: a third of the time whole hours, else any second. */
    Duration workingTime(String name, int maxHours) {
        Duration d = random.nextInt(3) == 0
                ? Duration.ofHours(1 + random.nextInt(maxHours))
                : Duration.ofSeconds(1 + (long) (random.nextDouble() * maxHours * 3600L));
        return note(name, d);
    }

    /** A wall-clock duration up to {@code maxDays}: a quarter of the time whole days, else any second. */
    Duration wallTime(String name, int maxDays) {
        Duration d = random.nextInt(4) == 0
                ? Duration.ofDays(random.nextInt(maxDays + 1))
                : Duration.ofSeconds((long) (random.nextDouble() * maxDays * 86_400L));
        return note(name, d);
    }

    <T> T oneOf(String name, T[] values) {
        return note(name, values[random.nextInt(values.length)]);
    }

    @Override
    public String toString() {
        return "seed " + seed + ", case " + index + inputs;
    }
}
