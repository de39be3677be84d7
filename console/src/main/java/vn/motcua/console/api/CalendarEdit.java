package vn.motcua.console.api;

import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.FormErrors;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change to a year's calendar as intake allows it: the year's official table is replaced whole
 * ({@code PUT /api/calendar/years/{year}}), so a day off or a make-up working day is added to, or removed from, the
 * entries the year has now. Statutory holidays stay. The rules intake would refuse in English (a make-up day on a
 * weekday, a date both off and worked) are checked here first and said in Vietnamese.
 */
final class CalendarEdit {
    static final String DAY_OFF = "DAY_OFF";
    static final String MAKEUP = "MAKEUP_WORKDAY";
    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The add form as typed: the date (dd/mm/yyyy or yyyy-mm-dd), the kind, the name and the announcing document. */
    public record Typed(String date, String kind, String name, String source) {
        static Typed blank() {
            return new Typed("", DAY_OFF, "", "");
        }
    }

    /** The year's new entries, or why the day cannot be added. */
    record Outcome(List<IntakeClient.CalendarEntry> entries, FormErrors errors) {
    }

    private CalendarEdit() {
    }

    static Outcome add(int year, List<IntakeClient.CalendarEntry> entries, Typed typed) {
        FormErrors.Builder errors = new FormErrors.Builder();
        LocalDate date = parse(typed.date());
        String name = Pages.text(typed.name());
        if (date == null && Pages.text(typed.date()) == null) {
            errors.add("date", "Ngày: bắt buộc, dạng ngày/tháng/năm, ví dụ 02/09/" + year + ".");
        } else if (date == null) {
            errors.add("date", "Ngày: không có ngày này; nhập dạng ngày/tháng/năm, ví dụ 02/09/" + year + ".");
        } else if (date.getYear() != year) {
            errors.add("date", "Ngày: phải thuộc năm " + year + ".");
        }
        if (!DAY_OFF.equals(typed.kind()) && !MAKEUP.equals(typed.kind())) {
            errors.add("kind", "Loại ngày: chọn ngày nghỉ hoặc ngày làm bù.");
        }
        if (name == null) {
            errors.add("name", "Tên ngày: bắt buộc, ví dụ „Nghỉ bù Quốc khánh“.");
        } else if (name.length() > 200) {
            errors.add("name", "Tên ngày: tối đa 200 ký tự.");
        }
        if (date != null && date.getYear() == year) {
            if (MAKEUP.equals(typed.kind()) && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                errors.add("date", "Ngày: ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
            }
            Optional<IntakeClient.CalendarEntry> taken = entries.stream().filter(e -> date.equals(e.date())).findFirst();
            taken.ifPresent(e -> errors.add("date", "Ngày: " + date.format(VIETNAMESE) + " đã có trong lịch („" + e.name() + "“)."));
        }
        if (!errors.isEmpty()) {
            return new Outcome(entries, errors.build());
        }
        List<IntakeClient.CalendarEntry> changed = new ArrayList<>(entries);
        changed.add(new IntakeClient.CalendarEntry(date, name, typed.kind()));
        return new Outcome(changed, FormErrors.none());
    }

    /** The entries without the day off or make-up day of {@code date}; holidays are never removed. */
    static List<IntakeClient.CalendarEntry> remove(List<IntakeClient.CalendarEntry> entries, LocalDate date, String kind) {
        return entries.stream().filter(e -> !(e.date().equals(date) && e.kind().equals(kind)
                && (DAY_OFF.equals(kind) || MAKEUP.equals(kind)))).toList();
    }

    /** The table to send: the document that announced the change, when typed. */
    static IntakeClient.YearTable table(List<IntakeClient.CalendarEntry> entries, String source) {
        String title = Pages.text(source);
        return new IntakeClient.YearTable(title == null ? List.of() : List.of(new IntakeClient.Source(title, null, null)), entries);
    }

    static LocalDate parse(String text) {
        String t = Pages.text(text);
        if (t == null) {
            return null;
        }
        try {
            return t.contains("/") ? LocalDate.parse(t, VIETNAMESE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
