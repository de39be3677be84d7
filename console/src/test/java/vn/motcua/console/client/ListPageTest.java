package vn.motcua.console.client;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging an inbox whose counts may stop at routing's cap (1,000, then "at least"). */
class ListPageTest {

    private static ListPage<String> page(int items, long total, Boolean capped) {
        return new ListPage<>(Collections.nCopies(items, "x"), 0, 50, total, 0L, 0L, capped);
    }

    @Test
    void anExactTotalGivesTheNumberOfPages() {
        assertEquals(3, page(50, 101, false).pages(0, 50));
        assertEquals(1, page(0, 0, null).pages(0, 50));
        assertFalse(page(50, 101, null).capped());
    }

    @Test
    void aCappedTotalNeverEndsTheListBeforeAFullPage() {
        ListPage<String> capped = page(50, 1000, true);
        assertTrue(capped.capped());
        assertEquals(20, capped.pages(0, 50));
        // past the 20 pages the cap allows for, a full page still has a next one; a part-filled page is the last
        assertEquals(27, capped.pages(25, 50));
        assertEquals(26, page(12, 1000, true).pages(25, 50));
    }

    @Test
    void noItemsIsAnEmptyList() {
        assertEquals(List.of(), new ListPage<String>(null, 0, 50, 0, null, null, null).items());
    }
}
