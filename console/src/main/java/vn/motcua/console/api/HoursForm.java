package vn.motcua.console.api;

import jakarta.ws.rs.core.MultivaluedMap;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.FormErrors;
import vn.motcua.console.view.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit's reception hours as the per-weekday table shows and posts them: up to three sessions a day (opening and
 * closing "HH:mm"), Monday to Friday required, Saturday and Sunday open only when a session is typed, and the cut-off.
 * Kept as typed, so a refused table comes back as it was.
 */
public record HoursForm(List<DayRow> days, String cutoff) {
    static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    static final int SESSIONS = 3;

    /** One session's two inputs, named {@code DAY-k-opens} and {@code DAY-k-closes}. */
    public record Session(String day, int index, String opens, String closes) {
        public String key() {
            return day + "-" + index + "-";
        }

        boolean blank() {
            return Pages.text(opens) == null && Pages.text(closes) == null;
        }
    }

    public record DayRow(String day, List<Session> sessions) {
        public String label() {
            return Formats.weekday(day);
        }

        /** Monday to Friday are the unit's working days: they must have a session. */
        public boolean required() {
            return !day.equals("SATURDAY") && !day.equals("SUNDAY");
        }
    }

    /** What goes to intake, and where each of intake's field paths is in the table. */
    record Request(IntakeClient.Hours hours, Function<String, FormErrors.Target> place) {
    }

    static HoursForm of(IntakeClient.HoursView view) {
        List<DayRow> rows = new ArrayList<>();
        for (String day : WEEK) {
            List<IntakeClient.Span> spans = view.days() == null ? List.of() : view.days().stream()
                    .filter(d -> day.equals(d.day())).findFirst().map(IntakeClient.Day::sessions).orElse(List.of());
            List<Session> sessions = new ArrayList<>();
            for (int k = 0; k < SESSIONS; k++) {
                IntakeClient.Span s = k < spans.size() ? spans.get(k) : null;
                sessions.add(new Session(day, k, s == null || s.opens() == null ? "" : s.opens(),
                        s == null || s.closes() == null ? "" : s.closes()));
            }
            rows.add(new DayRow(day, sessions));
        }
        return new HoursForm(rows, view.cutoff() == null ? "" : view.cutoff());
    }

    static HoursForm read(MultivaluedMap<String, String> posted) {
        List<DayRow> rows = new ArrayList<>();
        for (String day : WEEK) {
            List<Session> sessions = new ArrayList<>();
            for (int k = 0; k < SESSIONS; k++) {
                sessions.add(new Session(day, k, value(posted, day + "-" + k + "-opens"), value(posted, day + "-" + k + "-closes")));
            }
            rows.add(new DayRow(day, sessions));
        }
        return new HoursForm(rows, value(posted, "cutoff"));
    }

    /** The weekdays with a session typed, in order (a half-typed session goes as typed: intake names what is missing). */
    Request request() {
        List<IntakeClient.Day> sent = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (DayRow row : days) {
            List<IntakeClient.Span> spans = row.sessions().stream().filter(s -> !s.blank())
                    .map(s -> new IntakeClient.Span(Pages.text(s.opens()), Pages.text(s.closes()))).toList();
            if (!spans.isEmpty()) {
                sent.add(new IntakeClient.Day(row.day(), spans));
                order.add(row.day());
            }
        }
        List<List<Integer>> typed = days.stream().map(r -> r.sessions().stream().filter(s -> !s.blank())
                .map(Session::index).toList()).toList();
        return new Request(new IntakeClient.Hours(sent, Pages.text(cutoff)), path -> place(path, order, typed));
    }

    private static final Pattern SESSION = Pattern.compile("days\\[(\\d+)](?:\\.sessions(?:\\[(\\d+)](?:\\.(opens|closes))?)?|\\.day)?");

    /** Input and label of intake's path: {@code days[i]} is the i-th weekday sent, its sessions those typed. */
    static FormErrors.Target place(String path, List<String> order, List<List<Integer>> typed) {
        if (path.equals("cutoff")) {
            return new FormErrors.Target("cutoff", "Giờ chốt nhận hồ sơ");
        }
        Matcher m = SESSION.matcher(path);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= order.size()) {
            return new FormErrors.Target("days", "Giờ tiếp nhận");
        }
        String day = order.get(Integer.parseInt(m.group(1)));
        String label = Formats.weekday(day);
        if (m.group(2) == null) {
            return new FormErrors.Target(day, label);
        }
        int sent = Integer.parseInt(m.group(2));
        List<Integer> columns = typed.get(WEEK.indexOf(day));
        int k = sent < columns.size() ? columns.get(sent) : sent;
        String session = label + ", buổi " + (k + 1);
        if (m.group(3) == null) {
            return new FormErrors.Target(day + "-" + k + "-opens", session);
        }
        return m.group(3).equals("opens")
                ? new FormErrors.Target(day + "-" + k + "-opens", session + ", giờ mở cửa")
                : new FormErrors.Target(day + "-" + k + "-closes", session + ", giờ đóng cửa");
    }

    private static String value(MultivaluedMap<String, String> posted, String name) {
        String v = posted.getFirst(name);
        return v == null ? "" : v;
    }
}
