package vn.motcua.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** How the forms write dates and times: always in Vietnam's time (+07:00), whatever the JVM's zone. */
public final class VnFormat {
    /** Vietnam's offset; the country has no daylight saving. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private VnFormat() {
    }

    /** {@code 09 giờ 05 phút, ngày 23/11/2026}: the form's way of writing a receipt or return time. */
    public static String time(OffsetDateTime at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime t = at.atZoneSameInstant(VIETNAM);
        return "%02d giờ %02d phút, ngày %s".formatted(t.getHour(), t.getMinute(), date(t.toLocalDate()));
    }

    /** {@code 23/11/2026}. */
    public static String date(LocalDate day) {
        return day == null ? "" : "%02d/%02d/%04d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    /** {@code 23/11/2026} for the day (in Vietnam) of an instant. */
    public static String date(OffsetDateTime at) {
        return at == null ? "" : date(at.atZoneSameInstant(VIETNAM).toLocalDate());
    }

    /**
     * The place and date line of a document (Decree 30/2020): {@code Hà Nội, ngày 05 tháng 01 năm 2026}.
     * Decree 30/2020 (Appendix I) pads days below 10 and the months 1 and 2 with a zero: ngày 05
     * tháng 01, but tháng 3 ... tháng 12 as they are.
     */
    public static String placeAndDate(String place, LocalDate day) {
        String dayText = "%02d".formatted(day.getDayOfMonth());
        String monthText = day.getMonthValue() < 3 ? "%02d".formatted(day.getMonthValue()) : String.valueOf(day.getMonthValue());
        String prefix = place == null || place.isBlank() ? "" : place.strip() + ", ";
        return prefix + "ngày " + dayText + " tháng " + monthText + " năm " + day.getYear();
    }
}
