package vn.motcua.shared.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {
    @Test
    void quotesWhatRfc4180Needs() {
        assertEquals("Ba Đình", Csv.escape("Ba Đình"));
        assertEquals("\"Số 1, Kim Mã\"", Csv.escape("Số 1, Kim Mã"));
        assertEquals("\"Nói \"\"có\"\"\"", Csv.escape("Nói \"có\""));
        assertEquals("\"hai\ndòng\"", Csv.escape("hai\ndòng"));
        assertEquals("", Csv.escape(null));
    }

    @Test
    void aCellNeverStartsAFormula() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.escape("=HYPERLINK(\"x\")"));
        assertEquals("'+84912345678", Csv.escape("+84912345678"));
        assertEquals("'@SUM(A1)", Csv.escape("@SUM(A1)"));
        assertEquals("'-1", Csv.escape("-1"));
    }
}
