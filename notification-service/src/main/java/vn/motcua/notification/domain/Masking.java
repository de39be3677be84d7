package vn.motcua.notification.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an address appears in the delivery log and the API: enough to tell which contact was used,
 * not enough to reach the person.
 */
public final class Masking {
    private static final Pattern EMAIL =
            Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** Long digit runs: phone numbers, citizen ID numbers (12 digits); a dossier code's parts are shorter. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d{8,}");

    private Masking() {
    }

    /**
     * An error text fit for the delivery log and the application log: addresses and long numbers masked,
     * and at most {@code max} characters (an SMTP server may echo the recipient in its reply).
     */
    public static String scrub(String text, int max) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(email(m.group())));
        masked = LONG_NUMBER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(phone(m.group())));
        masked = masked.replaceAll("\\s+", " ").strip();
        return masked.length() <= max ? masked : masked.substring(0, max - 1) + "…";
    }

    /** {@code 0912345678} → {@code 09******78}; short numbers are hidden entirely. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 2) + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 2);
    }

    /** {@code nguyen@example.com} → {@code n***@example.com}; something that is no address → {@code ***}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
