package vn.motcua.documents;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Size and rough render time of each form (printed for docs/forms.md), with generous bounds so a
 * regression to whole-font embedding or a render far slower than a counter can wait fails.
 */
class RenderFiguresTest {
    @Test
    void eachFormIsSmallAndQuick() {
        Map<String, Supplier<byte[]>> forms = new LinkedHashMap<>();
        forms.put("01 receipt (5 documents)", () -> ReceiptForm.render(Samples.receipt(5)));
        forms.put("02 supplement request", () -> SupplementRequestForm.render(Samples.supplement()));
        forms.put("03 refusal", () -> RefusalForm.render(Samples.refusal()));
        forms.put("04 apology and extension", () -> ApologyForm.render(Samples.apology()));
        forms.put("05 stop notice", () -> StopNoticeForm.render(Samples.stop()));
        forms.put("06 control sheet (10 handovers)", () -> ControlSheetForm.render(Samples.controlSheet(10)));
        forms.put("07 log book (100 entries)", () -> LogBookForm.render(Samples.logBook(100)));
        for (Supplier<byte[]> form : forms.values()) {
            for (int k = 0; k < 2; k++) {
                form.get();
            }
        }
        int runs = 3;
        for (Map.Entry<String, Supplier<byte[]>> form : forms.entrySet()) {
            long start = System.nanoTime();
            int size = 0;
            for (int k = 0; k < runs; k++) {
                size = form.getValue().get().length;
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            System.out.printf("%-34s %7d bytes %8.1f ms%n", form.getKey(), size, ms);
            assertTrue(size < 120_000, form.getKey() + ": " + size + " bytes");
            // Render time is a printed figure (docs/forms.md), not an assertion: wall-clock limits fail on a busy machine.
        }
    }
}
