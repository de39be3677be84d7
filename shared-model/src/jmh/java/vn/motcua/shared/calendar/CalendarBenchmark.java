package vn.motcua.shared.calendar;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Costs of the calendar: a day lookup, a deadline in working days, and a rebuild after a table
 * changes. Command, machine and figures: docs/BENCHMARKS.md, section "Calendar". Inputs cycle through
 * 1,024 receipts spread over 2019–2026 so no single date is branch-predicted or cached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {
    private static final int MASK = 1023;

    private WorkingCalendar calendar;
    private DeadlineCalculator calculator;
    private List<OfficialYear> tables;
    private final LocalDate[] days = new LocalDate[MASK + 1];
    private final Instant[] receipts = new Instant[MASK + 1];
    private int next;

    @Setup
    public void setUp() {
        calendar = WorkingCalendar.rulesOnly();
        calculator = new DeadlineCalculator(calendar, OfficeHours.DEFAULT);
        tables = new ArrayList<>();
        // Eight full yearly tables (2019–2026), shaped like official ones.
        for (int year = 2019; year <= 2026; year++) {
            tables.add(new OfficialYear(year, List.of(new OfficialYear.Source("benchmark", null, null)), HolidayRules.prefill(year)));
        }
        java.util.Random random = new java.util.Random(42);
        long from = LocalDate.of(2019, 1, 1).toEpochDay();
        for (int i = 0; i <= MASK; i++) {
            days[i] = LocalDate.ofEpochDay(from + random.nextInt(8 * 365));
            receipts[i] = days[i].atTime(6 + random.nextInt(14), random.nextInt(60)).toInstant(java.time.ZoneOffset.ofHours(7));
        }
    }

    @Benchmark
    public boolean isWorkingDay() {
        return calendar.isWorkingDay(days[next++ & MASK]);
    }

    /** The deadline length, apart so that only the deadline benchmarks run once per value. */
    @State(Scope.Benchmark)
    public static class Length {
        @Param({"5", "15", "60"})
        int workingDays;
    }

    /** The whole contract computation: receipt instant in, due instant (+07:00) out. */
    @Benchmark
    public OffsetDateTime dueAfterWorkingDays(Length length) {
        return calculator.dueAfterWorkingDays(receipts[next++ & MASK], length.workingDays);
    }

    /** The date arithmetic alone (rank and select on the bitset). */
    @Benchmark
    public LocalDate plusWorkingDays(Length length) {
        return calendar.plusWorkingDays(days[next++ & MASK], length.workingDays);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public WorkingCalendar buildWithTables2019To2026() {
        return WorkingCalendar.of(tables);
    }
}
