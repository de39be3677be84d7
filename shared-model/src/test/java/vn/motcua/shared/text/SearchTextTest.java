package vn.motcua.shared.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTextTest {
    /** Every Vietnamese letter with a diacritic, upper and lower case (NFC), as V5__dossier_search.sql lists them. */
    static final String LETTERS = "àÀáÁảẢãÃạẠăĂằẰắẮẳẲẵẴặẶâÂầẦấẤẩẨẫẪậẬèÈéÉẻẺẽẼẹẸêÊềỀếẾểỂễỄệỆìÌíÍỉỈĩĨịỊòÒóÓỏỎõÕọỌ"
            + "ôÔồỒốỐổỔỗỖộỘơƠờỜớỚởỞỡỠợỢùÙúÚủỦũŨụỤưƯừỪứỨửỬữỮựỰỳỲýÝỷỶỹỸỵỴđĐ";
    static final String FOLDED = "a".repeat(34) + "e".repeat(22) + "i".repeat(10) + "o".repeat(34) + "u".repeat(22)
            + "y".repeat(10) + "dd";

    @Test
    void foldsCaseDiacriticsAndSpaces() {
        assertEquals("dang ky khai sinh", SearchText.fold("  ĐĂNG   KÝ khai\tsinh "));
        assertEquals("nguyen van an", SearchText.fold("Nguyễn Văn An"));
        assertEquals("", SearchText.fold(null));
    }

    @Test
    void everyVietnameseLetterFoldsToItsBase() {
        assertEquals(134, LETTERS.length());
        assertEquals(FOLDED, SearchText.fold(LETTERS));
    }

    @Test
    void decomposedInputFoldsLikeComposed() {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Thị Hoà", java.text.Normalizer.Form.NFD);
        assertEquals("nguyen thi hoa", SearchText.fold(decomposed));
    }

    @Test
    void aMatchContainsEveryWordInAnyOrder() {
        assertEquals(List.of("van", "nguyen"), SearchText.words("Văn NGUYỄN"));
        assertTrue(SearchText.matches("van nguyen", "Nguyễn Văn An"));
        assertFalse(SearchText.matches("van binh", "Nguyễn Văn An"));
        assertTrue(SearchText.matches("", "anything"));
    }
}
