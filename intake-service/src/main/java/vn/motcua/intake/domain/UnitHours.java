package vn.motcua.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.motcua.platform.problem.Problem.FieldError;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.calendar.OfficeHours;
import vn.motcua.shared.events.EventJson;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A one-stop unit's reception hours (giờ tiếp nhận và trả kết quả) per weekday, and its daily cut-off (issue 20,
 * item 5; docs/LEGAL-BASIS.md). Monday to Friday are required: they are the unit's working days. Saturday or Sunday
 * sessions (many centres receive on Saturday morning) are reception only: a dossier received then counts from the
 * next working day, because the statutory time runs in working days.
 * <ul>
 *   <li>a dossier received on a working day at or after the unit's close counts from the next working day;</li>
 *   <li>at or after the cut-off, a same-day procedure counts from the next working day's opening, and any other
 *   dossier is handed to the agency at that opening (its steps start there; the citizen's appointment is not
 *   moved, since the day of receipt is not counted anyway).</li>
 * </ul>
 * A unit without hours of its own keeps the deployment's office hours and cut-off.
 *
 * @param days   sessions per weekday, in order, not overlapping; a weekday absent is closed
 * @param cutoff the unit's cut-off, or null for the deployment's
 */
public record UnitHours(Map<DayOfWeek, List<Session>> days, LocalTime cutoff) {
    /** One opening of the counter, {@code opens} before {@code closes}. */
    public record Session(LocalTime opens, LocalTime closes) {
    }

    /** The JSON of the API and of the stored column: weekdays by name, times as "HH:mm". */
    public record Json(List<Day> days, String cutoff) {
    }

    public record Day(String day, List<Span> sessions) {
    }

    public record Span(String opens, String closes) {
    }

    private static final List<DayOfWeek> WORKING = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    public UnitHours {
        days = Map.copyOf(days);
    }

    /** The deployment's office hours, Monday to Friday, and no cut-off of the unit's own. */
    public static UnitHours standard(OfficeHours hours) {
        Map<DayOfWeek, List<Session>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : WORKING) {
            days.put(day, List.of(new Session(hours.morningStart(), hours.morningEnd()),
                    new Session(hours.afternoonStart(), hours.afternoonEnd())));
        }
        return new UnitHours(days, null);
    }

    /** When the counter closes on that weekday (the end of its last session), or null when it does not open. */
    public LocalTime closesOn(DayOfWeek day) {
        List<Session> sessions = days.get(day);
        return sessions == null || sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).closes();
    }

    /** "Thứ Hai đến thứ Sáu: 07:30–11:30, 13:00–17:00; Thứ Bảy: 07:30–11:30", consecutive equal days grouped. */
    public String description() {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        for (int i = 0; i < week.length; ) {
            List<Session> sessions = days.get(week[i]);
            int j = i;
            while (j + 1 < week.length && sessions != null && sessions.equals(days.get(week[j + 1]))) {
                j++;
            }
            if (sessions != null) {
                String span = i == j ? name(week[i]) : name(week[i]) + " đến " + lower(name(week[j]));
                parts.add(span + ": " + String.join(", ", sessions.stream()
                        .map(s -> s.opens() + "–" + s.closes()).toList()));
            }
            i = j + 1;
        }
        return String.join("; ", parts);
    }

    private static String name(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    /** "thứ Sáu" in a sentence ("Thứ Sáu" begins one). */
    private static String lower(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    public Json json() {
        List<Day> list = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Session> sessions = days.get(day);
            if (sessions != null) {
                list.add(new Day(day.name(), sessions.stream()
                        .map(s -> new Span(s.opens().toString(), s.closes().toString())).toList()));
            }
        }
        return new Json(list, cutoff == null ? null : cutoff.toString());
    }

    public String stored() {
        try {
            return EventJson.mapper().writeValueAsString(json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored column back (written by {@link #stored}, so valid). */
    static UnitHours fromStored(String json) {
        try {
            return of(EventJson.mapper().readValue(json, Json.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable office hours: " + json, e);
        }
    }

    /**
     * Reads and checks the API's JSON: 400 with a sentence per field for an unknown weekday, a time not "HH:mm",
     * sessions out of order or overlapping, or a working weekday (Monday to Friday) without a session.
     */
    public static UnitHours of(Json json) {
        List<FieldError> errors = new ArrayList<>();
        Map<DayOfWeek, List<Session>> days = new EnumMap<>(DayOfWeek.class);
        List<Day> given = json == null || json.days() == null ? List.of() : json.days();
        for (int i = 0; i < given.size(); i++) {
            day(given.get(i), "days[" + i + "]", days, errors);
        }
        for (DayOfWeek day : WORKING) {
            if (errors.isEmpty() && !days.containsKey(day)) {
                errors.add(new FieldError("days", "thiếu giờ làm việc của " + lower(name(day))
                        + " (từ thứ Hai đến thứ Sáu là ngày làm việc)"));
            }
        }
        LocalTime cutoff = json == null || json.cutoff() == null || json.cutoff().isBlank() ? null
                : time(json.cutoff(), "cutoff", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new UnitHours(days, cutoff);
    }

    private static void day(Day day, String at, Map<DayOfWeek, List<Session>> days, List<FieldError> errors) {
        DayOfWeek weekday;
        try {
            weekday = DayOfWeek.valueOf(day == null || day.day() == null ? "" : day.day().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(at + ".day", "một trong MONDAY, TUESDAY, …, SUNDAY"));
            return;
        }
        if (days.containsKey(weekday)) {
            errors.add(new FieldError(at + ".day", name(weekday) + " đã có ở trên"));
            return;
        }
        List<Span> spans = day.sessions() == null ? List.of() : day.sessions();
        if (spans.isEmpty() || spans.size() > 3) {
            errors.add(new FieldError(at + ".sessions", "từ 1 đến 3 buổi; bỏ ngày không làm việc ra khỏi danh sách"));
            return;
        }
        List<Session> sessions = new ArrayList<>();
        LocalTime previousClose = null;
        for (int k = 0; k < spans.size(); k++) {
            String path = at + ".sessions[" + k + "]";
            Span span = spans.get(k);
            LocalTime opens = time(span == null ? null : span.opens(), path + ".opens", errors);
            LocalTime closes = time(span == null ? null : span.closes(), path + ".closes", errors);
            if (opens == null || closes == null) {
                return;
            }
            if (!opens.isBefore(closes)) {
                errors.add(new FieldError(path, "giờ mở cửa phải trước giờ đóng cửa"));
                return;
            }
            if (previousClose != null && opens.isBefore(previousClose)) {
                errors.add(new FieldError(path, "các buổi phải theo thứ tự và không chồng lên nhau"));
                return;
            }
            previousClose = closes;
            sessions.add(new Session(opens, closes));
        }
        days.put(weekday, List.copyOf(sessions));
    }

    private static LocalTime time(String text, String at, List<FieldError> errors) {
        if (text == null || !text.strip().matches("\\d{2}:\\d{2}")) {
            errors.add(new FieldError(at, "giờ dạng HH:mm, ví dụ 07:30"));
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at, "giờ dạng HH:mm, ví dụ 07:30"));
            return null;
        }
    }
}
