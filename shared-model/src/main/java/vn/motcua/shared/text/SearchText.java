package vn.motcua.shared.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How people search Vietnamese text: without regard to case or diacritics, so that "nguyen van an" finds
 * "Nguyễn Văn An" and "dang ky khai sinh" finds "Đăng ký khai sinh". intake's dossier search column folds
 * the same way in SQL (V5__dossier_search.sql); {@code SearchTextTest} keeps the two in step.
 */
public final class SearchText {
    private SearchText() {
    }

    /** Lower case, no diacritics (đ becomes d), runs of white space as one space, trimmed; "" for null. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** The folded words of a query, each of which a match must contain; empty for a blank query. */
    public static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** Whether {@code text} contains every word of {@code query} (folded both). */
    public static boolean matches(String query, String text) {
        String haystack = fold(text);
        return words(query).stream().allMatch(haystack::contains);
    }
}
