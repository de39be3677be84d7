package vn.motcua.shared.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which days of 2000–2099 are working days (ngày làm việc) in Vietnam's state agencies: Monday to
 * Friday, less holidays and days off, plus make-up Saturdays/Sundays.
 *
 * <p>An immutable value built from the holiday rules ({@link HolidayRules}) and a set of official
 * yearly tables ({@link OfficialYear}); a year that has a table takes it whole instead of the rules.
 * Tables change at runtime (an administrator edits one in intake, the others receive it as an
 * event), so a service swaps in {@code calendar.withOfficialYear(table)}: a rebuild with eight tables
 * takes tens of microseconds once the rules are computed (once per JVM, about 0.6 s cold: the lunar
 * astronomy), and readers of the old value are never disturbed.
 *
 * <p>Queries are constant-time or logarithmic: the working days are a bitset over the whole range,
 * with a running count per 64 days, so "the Nth working day after" is a rank-and-select, not a
 * day-by-day walk.
 */
public final class WorkingCalendar {
    static final LocalDate FIRST_DAY = LocalDate.of(HolidayRules.FIRST_YEAR, 1, 1);
    static final LocalDate END_DAY = LocalDate.of(HolidayRules.LAST_YEAR + 1, 1, 1);
    private static final long FIRST_EPOCH_DAY = FIRST_DAY.toEpochDay();
    private static final int DAYS = (int) (END_DAY.toEpochDay() - FIRST_EPOCH_DAY);
    private static final int YEARS = HolidayRules.LAST_YEAR - HolidayRules.FIRST_YEAR + 1;

    private final Map<Integer, OfficialYear> official;
    private final List<List<CalendarEntry>> entries;
    /** Bit i set: FIRST_DAY + i is a working day. */
    private final long[] working;
    /** Working days before word w of {@link #working}; one extra slot holds the total. */
    private final int[] rankBeforeWord;

    private WorkingCalendar(Map<Integer, OfficialYear> official) {
        this.official = official;
        this.entries = new ArrayList<>(YEARS);
        // Start from the rule-based bitset and redo only the years a table touches (its own and,
        // through entries across New Year, its neighbours): a rebuild costs microseconds.
        this.working = Rules.WORKING.clone();
        Set<Integer> touched = new HashSet<>();
        for (int year : official.keySet()) {
            touched.add(year - 1);
            touched.add(year);
            touched.add(year + 1);
        }
        for (int year = HolidayRules.FIRST_YEAR; year <= HolidayRules.LAST_YEAR; year++) {
            if (touched.contains(year)) {
                List<CalendarEntry> list = yearEntries(year);
                entries.add(list);
                resetToWeekdays(working, year);
                apply(working, list);
            } else {
                entries.add(Rules.of(year));
            }
        }
        this.rankBeforeWord = new int[working.length + 1];
        for (int w = 0; w < working.length; w++) {
            rankBeforeWord[w + 1] = rankBeforeWord[w] + Long.bitCount(working[w]);
        }
    }

    /** Monday to Friday working, for the days of one year. */
    private static void resetToWeekdays(long[] bits, int year) {
        int from = (int) (LocalDate.of(year, 1, 1).toEpochDay() - FIRST_EPOCH_DAY);
        int to = (int) (LocalDate.of(year + 1, 1, 1).toEpochDay() - FIRST_EPOCH_DAY);
        for (int i = from; i < to; i++) {
            // 2000-01-01 was a Saturday: (i + 5) % 7 is 0 on Mondays, 5 and 6 at the weekend.
            if ((i + 5) % 7 < 5) {
                bits[i >>> 6] |= 1L << i;
            } else {
                bits[i >>> 6] &= ~(1L << i);
            }
        }
    }

    private static void apply(long[] bits, List<CalendarEntry> entries) {
        for (CalendarEntry entry : entries) {
            int i = (int) (entry.date().toEpochDay() - FIRST_EPOCH_DAY);
            if (entry.kind() == DayKind.MAKEUP_WORKDAY) {
                bits[i >>> 6] |= 1L << i;
            } else {
                bits[i >>> 6] &= ~(1L << i);
            }
        }
    }

    /** Rules only, no official table: the pre-fill for every year. */
    public static WorkingCalendar rulesOnly() {
        return of(List.of());
    }

    /** Rules with the official tables bundled in this library ({@link OfficialTables#bundled()}). */
    public static WorkingCalendar standard() {
        return Standard.CALENDAR;
    }

    /** Rules with the given official tables; a later table for the same year wins. */
    public static WorkingCalendar of(Collection<OfficialYear> tables) {
        Map<Integer, OfficialYear> map = new TreeMap<>();
        for (OfficialYear table : tables) {
            checkYear(table.year());
            map.put(table.year(), table);
        }
        return new WorkingCalendar(map);
    }

    /** This calendar with {@code table} replacing whatever held for its year. */
    public WorkingCalendar withOfficialYear(OfficialYear table) {
        checkYear(table.year());
        Map<Integer, OfficialYear> map = new TreeMap<>(official);
        map.put(table.year(), table);
        return new WorkingCalendar(map);
    }

    /** This calendar with the year back on the rules (an administrator withdrew the table). */
    public WorkingCalendar withoutOfficialYear(int year) {
        Map<Integer, OfficialYear> map = new TreeMap<>(official);
        map.remove(year);
        return new WorkingCalendar(map);
    }

    /** The official table of a year, if one is loaded. */
    public Optional<OfficialYear> officialYear(int year) {
        return Optional.ofNullable(official.get(year));
    }

    /** Every loaded official table, by year. */
    public List<OfficialYear> officialYears() {
        return List.copyOf(official.values());
    }

    /**
     * The entries dated in a year, sorted by date: every holiday on its own date (even on a rest
     * day), substitute and swapped days off, make-up working days.
     */
    public List<CalendarEntry> entries(int year) {
        checkYear(year);
        return entries.get(year - HolidayRules.FIRST_YEAR);
    }

    public boolean isWorkingDay(LocalDate date) {
        int i = index(date);
        return (working[i >>> 6] & (1L << i)) != 0;
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return plusWorkingDays(date, 1);
    }

    /** The last working day strictly before {@code date}. */
    public LocalDate previousWorkingDay(LocalDate date) {
        return plusWorkingDays(date, -1);
    }

    /**
     * The {@code n}th working day after {@code date} (before it if {@code n} is negative; the date
     * itself if zero). {@code date} need not be a working day: the first working day after a
     * Sunday is {@code plusWorkingDays(sunday, 1)}.
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        int i = index(date);
        if (n == 0) {
            return date;
        }
        long rank = n > 0 ? rankBefore(i + 1) + (long) n - 1 : rankBefore(i) + (long) n;
        return dayOfRank(rank);
    }

    /** Working days in {@code [from, to)}; negative if {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return rankBefore(boundIndex(to)) - rankBefore(boundIndex(from));
    }

    // ---- package-private primitives for DeadlineCalculator -------------------------------------

    /** Working days before the day with this index (0 = 2000-01-01). */
    int rankBefore(int index) {
        int w = index >>> 6;
        if (w == working.length) {
            return rankBeforeWord[w];
        }
        return rankBeforeWord[w] + Long.bitCount(working[w] & ((1L << index) - 1));
    }

    boolean isWorkingIndex(int index) {
        return (working[index >>> 6] & (1L << index)) != 0;
    }

    /** The index of the working day with this 0-based rank. */
    int indexOfRank(long rank) {
        if (rank < 0 || rank >= rankBeforeWord[working.length]) {
            throw new DateTimeException("working day out of the calendar's range " + FIRST_DAY + " – " + END_DAY.minusDays(1));
        }
        int low = 0;
        int high = working.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (rankBeforeWord[mid] <= rank) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        long bits = working[low];
        for (long k = rank - rankBeforeWord[low]; k > 0; k--) {
            bits &= bits - 1;
        }
        return (low << 6) + Long.numberOfTrailingZeros(bits);
    }

    LocalDate dayOfRank(long rank) {
        return LocalDate.ofEpochDay(FIRST_EPOCH_DAY + indexOfRank(rank));
    }

    static int index(LocalDate date) {
        long i = date.toEpochDay() - FIRST_EPOCH_DAY;
        if (i < 0 || i >= DAYS) {
            throw new DateTimeException("date out of the calendar's range " + FIRST_DAY + " – " + END_DAY.minusDays(1) + ": " + date);
        }
        return (int) i;
    }

    /** Like {@link #index} but also accepts the day after the range, as an exclusive bound. */
    private static int boundIndex(LocalDate date) {
        return date.equals(END_DAY) ? DAYS : index(date);
    }

    static LocalDate dayOf(int index) {
        return LocalDate.ofEpochDay(FIRST_EPOCH_DAY + index);
    }

    private static void checkYear(int year) {
        if (year < HolidayRules.FIRST_YEAR || year > HolidayRules.LAST_YEAR) {
            throw new DateTimeException("the calendar covers " + HolidayRules.FIRST_YEAR + "–" + HolidayRules.LAST_YEAR + ", not " + year);
        }
    }

    /**
     * The year's own table or rules, restricted to its dates, then the entries that the neighbouring
     * years' tables put in this year (such as 31 Dec off for the next Tết Dương lịch), which win on
     * their dates.
     */
    private List<CalendarEntry> yearEntries(int year) {
        OfficialYear own = official.get(year);
        List<CalendarEntry> base = own != null ? own.entries() : Rules.of(year);
        List<CalendarEntry> foreign = new ArrayList<>();
        for (int neighbour : new int[] {year - 1, year + 1}) {
            OfficialYear table = official.get(neighbour);
            if (table != null) {
                table.entries().stream().filter(e -> e.date().getYear() == year).forEach(foreign::add);
            }
        }
        if (foreign.isEmpty() && own == null) {
            return base;
        }
        Set<LocalDate> overridden = new HashSet<>();
        foreign.forEach(e -> overridden.add(e.date()));
        List<CalendarEntry> result = new ArrayList<>(foreign);
        base.stream().filter(e -> e.date().getYear() == year && !overridden.contains(e.date())).forEach(result::add);
        result.sort(null);
        return List.copyOf(result);
    }

    /** The rule-based entries, computed once per JVM (the lunar astronomy is the slow part). */
    private static final class Rules {
        private static final List<List<CalendarEntry>> BY_YEAR = new ArrayList<>(YEARS);
        private static final long[] WORKING = new long[(DAYS + 63) >>> 6];

        static {
            for (int year = HolidayRules.FIRST_YEAR; year <= HolidayRules.LAST_YEAR; year++) {
                List<CalendarEntry> entries = HolidayRules.prefill(year);
                BY_YEAR.add(entries);
                resetToWeekdays(WORKING, year);
                apply(WORKING, entries);
            }
        }

        static List<CalendarEntry> of(int year) {
            return BY_YEAR.get(year - HolidayRules.FIRST_YEAR);
        }
    }

    private static final class Standard {
        static final WorkingCalendar CALENDAR = of(OfficialTables.bundled());
    }
}
