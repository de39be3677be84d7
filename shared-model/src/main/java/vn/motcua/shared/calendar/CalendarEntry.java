package vn.motcua.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One line of a year's table of days off: a date, what it does, and its Vietnamese name
 * (e.g. "Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Làm bù cho ngày 02/5").
 */
public record CalendarEntry(LocalDate date, DayKind kind, String name) implements Comparable<CalendarEntry> {
    private static final Comparator<CalendarEntry> ORDER =
            Comparator.comparing(CalendarEntry::date).thenComparing(CalendarEntry::kind).thenComparing(CalendarEntry::name);

    public CalendarEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("calendar entry on " + date + " needs a name");
        }
        if (kind == DayKind.MAKEUP_WORKDAY && !isWeekend(date)) {
            // A make-up day only makes sense on a rest day; anything else is a typing error.
            throw new IllegalArgumentException("make-up working day " + date + " is not a Saturday or Sunday");
        }
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    @Override
    public int compareTo(CalendarEntry other) {
        return ORDER.compare(this, other);
    }
}
