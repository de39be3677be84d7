package vn.motcua.platform.api;

import org.junit.jupiter.api.Test;
import vn.motcua.platform.problem.Problem;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestTest {
    @Test
    void aPageWhoseOffsetWouldOverflowIsBadInputNotAServerError() {
        List<Problem.FieldError> errors = new ArrayList<>();
        // 20,260,101 × 429 is past Integer.MAX_VALUE: the fuzz test's request that got a 500
        assertNull(Page.Request.of("20260101", "429", errors));
        assertEquals(1, errors.size());
        assertEquals("page", errors.get(0).field());
    }

    @Test
    void ordinaryPagingGivesItsOffset() {
        List<Problem.FieldError> errors = new ArrayList<>();
        Page.Request request = Page.Request.of("3", "20", errors);
        assertTrue(errors.isEmpty());
        assertEquals(60, request.offset());
        assertEquals(Integer.MAX_VALUE / 500 * 500, Page.Request.of(Integer.toString(Integer.MAX_VALUE / 500), "500",
                errors).offset());
        assertTrue(errors.isEmpty());
    }
}
