package vn.motcua.result.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogBookFilesTest {
    @Test
    void quotesWhatRfc4180Needs() {
        assertEquals("Ba Đình", LogBookFiles.escape("Ba Đình"));
        assertEquals("\"Số 1, Kim Mã\"", LogBookFiles.escape("Số 1, Kim Mã"));
        assertEquals("\"Nói \"\"có\"\"\"", LogBookFiles.escape("Nói \"có\""));
        assertEquals("\"hai\ndòng\"", LogBookFiles.escape("hai\ndòng"));
        assertEquals("", LogBookFiles.escape(null));
    }

    @Test
    void aCellNeverStartsAFormula() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", LogBookFiles.escape("=HYPERLINK(\"x\")"));
        assertEquals("'+84912345678", LogBookFiles.escape("+84912345678"));
        assertEquals("'@SUM(A1)", LogBookFiles.escape("@SUM(A1)"));
        assertEquals("'-1", LogBookFiles.escape("-1"));
    }
}
