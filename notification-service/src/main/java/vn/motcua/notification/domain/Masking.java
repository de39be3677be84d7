package vn.motcua.notification.domain;

/**
 * How an address appears in the delivery log and the API: enough to tell which contact was used,
 * not enough to reach the person.
 */
public final class Masking {
    private Masking() {
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
