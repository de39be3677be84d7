package vn.motcua.shared.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads and writes the one shape of time every event carries, {@code 2026-12-04T10:15:30.123456+07:00}, by hand.
 * {@link java.time.format.DateTimeFormatter} resolves a parsed text through a generic field map: in a consumer's
 * profile (issue 18), parsing the dozen times of a {@code routed} or {@code received} event was a third of the CPU
 * its handler spent. This is the same grammar as {@code ISO_OFFSET_DATE_TIME} for what producers write — seconds
 * optional, 0 to 9 fraction digits, {@code Z} or {@code ±HH:MM} — and the output is character for character what
 * {@code ISO_OFFSET_DATE_TIME} prints. Anything else (a leap second, a year of five digits) is left to the caller's
 * general parser: {@link #parse} answers null.
 */
public final class IsoTime {
    private IsoTime() {
    }

    /** The time {@code text} denotes, keeping its offset; null when it is not in the shape described above. */
    public static OffsetDateTime parse(String text) {
        int n = text.length();
        if (n < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            if (second < 0) {
                return null;
            }
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                    nano = nano * 10 + (text.charAt(i) - '0');
                    i++;
                }
                int count = i - start;
                if (count == 0 || i < n && isDigit(text.charAt(i))) {
                    return null;
                }
                for (int k = count; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && text.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = text.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null; // 30 February, hour 24, ...: the general parser refuses it with its own message
        }
    }

    /** {@code time} as {@code ISO_OFFSET_DATE_TIME} prints it (a four-digit year; other years are not events'). */
    public static String format(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return time.toString(); // same text as ISO_OFFSET_DATE_TIME for these
        }
        StringBuilder s = new StringBuilder(35);
        pad(s, year, 4).append('-');
        pad(s, time.getMonthValue(), 2).append('-');
        pad(s, time.getDayOfMonth(), 2).append('T');
        pad(s, time.getHour(), 2).append(':');
        pad(s, time.getMinute(), 2).append(':');
        pad(s, time.getSecond(), 2);
        int nano = time.getNano();
        if (nano > 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            s.append('.');
            pad(s, nano, digits);
        }
        return s.append(time.getOffset().getId()).toString();
    }

    private static StringBuilder pad(StringBuilder s, int value, int width) {
        String digits = Integer.toString(value);
        for (int k = digits.length(); k < width; k++) {
            s.append('0');
        }
        return s.append(digits);
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = text.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
