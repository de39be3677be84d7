package vn.motcua.shared.text;

import java.util.List;

/**
 * CSV files people open in a spreadsheet (the log book, the personal-data access log): UTF-8 with a byte-order mark so
 * that Excel reads the diacritics, CRLF lines, RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
 */
public final class Csv {
    private Csv() {
    }

    /** A new file: the byte-order mark, lines to follow. */
    public static StringBuilder document() {
        return new StringBuilder("\uFEFF");
    }

    /** One line of cells (a null cell is empty). */
    public static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula. */
    public static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        String value = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
