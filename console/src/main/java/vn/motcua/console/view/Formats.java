package vn.motcua.console.view;

import io.quarkus.qute.TemplateExtension;
import vn.motcua.shared.calendar.WorkingCalendar;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.dossier.NationalStatus;
import vn.motcua.shared.text.SearchText;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times, dates, statuses and money (template extensions: {@code {task.dueAt.vn}}). */
@TemplateExtension
public final class Formats {
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The inbox marks tasks due within this many working days, like routing's dueSoon count. */
    static final int DUE_SOON_WORKING_DAYS = 3;
    private static final WorkingCalendar CALENDAR = WorkingCalendar.standard();

    private Formats() {
    }

    /** "14:30 05/12/2026" in Vietnam time. */
    static String vn(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(VIETNAM).format(TIME);
    }

    /** A query parameter's value in a link: {@code href="/nhat-ky/tai-ve?ho-so={dossier.urlEncoded}"}. */
    static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String vn(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    /** The national portal's name of a status code (1–10). */
    static String nationalLabel(Integer code) {
        try {
            return code == null ? "" : NationalStatus.ofCode(code).label();
        } catch (IllegalArgumentException unknown) {
            return "";
        }
    }

    /** The citizen's sentence of a dossier state ({@code IN_PROCESS} → "Hồ sơ đang được giải quyết"). */
    static String stateText(String state) {
        try {
            return state == null ? "" : DossierState.valueOf(state).citizenText();
        } catch (IllegalArgumentException unknown) {
            return state;
        }
    }

    static String taskStatus(String status) {
        return switch (status == null ? "" : status) {
            case "ASSIGNED" -> "Chờ nhận xử lý";
            case "CLAIMED" -> "Đang xử lý";
            case "COMPLETED" -> "Đã xử lý xong";
            case "RETURNED" -> "Đã trả lại bước trước";
            case "TRANSFERRED" -> "Đã chuyển cơ quan khác";
            case "CANCELLED", "CLOSED" -> "Đã đóng";
            default -> status;
        };
    }

    /** A task still to do (in the queue or taken), the ones whose due time is marked. */
    static boolean open(vn.motcua.console.client.RoutingClient.Task task) {
        return "ASSIGNED".equals(task.status()) || "CLAIMED".equals(task.status());
    }

    static String channelLabel(String channel) {
        return switch (channel == null ? "" : channel) {
            case "COUNTER" -> "Trực tiếp tại quầy";
            case "POSTAL", "POST" -> "Qua bưu chính công ích";
            case "ONLINE" -> "Trực tuyến";
            default -> channel;
        };
    }

    /** How the dossier's result goes back, as a phrase: "tại Bộ phận Một cửa", "qua bưu chính công ích, gửi đến …". */
    static String returnLabel(vn.motcua.console.client.IntakeClient.Dossier dossier) {
        return switch (dossier.returnChannel() == null ? "" : dossier.returnChannel()) {
            case "POST" -> "qua bưu chính công ích, gửi đến " + dossier.returnAddress();
            case "ONLINE" -> "trực tuyến";
            default -> "tại Bộ phận Một cửa";
        };
    }

    /** A statutory time's unit as the procedure pages say it. */
    static String timeUnit(String unit) {
        return switch (unit == null ? "" : unit) {
            case "WORKING_DAYS" -> "ngày làm việc";
            case "WORKING_HOURS" -> "giờ làm việc";
            case "CALENDAR_DAYS" -> "ngày";
            default -> "";
        };
    }

    /** A weekday (MONDAY … SUNDAY) as a Vietnamese calendar names it. */
    public static String weekday(String day) {
        return switch (day == null ? "" : day) {
            case "MONDAY" -> "Thứ Hai";
            case "TUESDAY" -> "Thứ Ba";
            case "WEDNESDAY" -> "Thứ Tư";
            case "THURSDAY" -> "Thứ Năm";
            case "FRIDAY" -> "Thứ Sáu";
            case "SATURDAY" -> "Thứ Bảy";
            case "SUNDAY" -> "Chủ nhật";
            default -> day;
        };
    }

    static String formLabel(String form) {
        return switch (form == null ? "" : form) {
            case "ORIGINAL" -> "Bản chính";
            case "CERTIFIED_COPY" -> "Bản sao chứng thực";
            case "COPY" -> "Bản sao";
            default -> form;
        };
    }

    static String outcomeLabel(String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "APPROVED" -> "Chấp thuận";
            case "REJECTED" -> "Từ chối";
            default -> outcome;
        };
    }

    /** Urgency of an open task or dossier: {@code overdue}, {@code due-soon} or {@code ok} (a CSS class). */
    public static String urgency(OffsetDateTime dueAt) {
        if (dueAt == null) {
            return "ok";
        }
        OffsetDateTime now = OffsetDateTime.now(VIETNAM);
        if (dueAt.isBefore(now)) {
            return "overdue";
        }
        LocalDate limit = CALENDAR.plusWorkingDays(now.toLocalDate(), DUE_SOON_WORKING_DAYS);
        return dueAt.atZoneSameInstant(VIETNAM).toLocalDate().isAfter(limit) ? "ok" : "due-soon";
    }

    /** The words beside the colour, so the mark does not rely on colour alone. */
    static String urgencyText(OffsetDateTime dueAt) {
        return switch (urgency(dueAt)) {
            case "overdue" -> "Quá hạn";
            case "due-soon" -> "Sắp đến hạn";
            default -> "Trong hạn";
        };
    }

    /** {@code part} of {@code whole} in percent, for the width of a bar. */
    static long share(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(100.0 * part / whole);
    }

    static String vnd(Long amount) {
        return amount == null ? "" : NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount) + " đồng";
    }

    /** "very satisfied + satisfied" of all ratings, or a dash when nobody rated. */
    static String satisfiedText(vn.motcua.console.client.ResultClient.Satisfaction satisfaction) {
        return satisfaction == null ? "–" : percent(satisfaction.satisfiedPercent());
    }

    static long ratingCount(vn.motcua.console.client.ResultClient.Satisfaction satisfaction) {
        return satisfaction == null ? 0 : satisfaction.ratings();
    }

    static String percent(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }

    /** Lower case without diacritics, đ as d: "Khai sinh" and "khai sinh" and "khai sính" all give "khai sinh". */
    public static String fold(String text) {
        return SearchText.fold(text);
    }
}
