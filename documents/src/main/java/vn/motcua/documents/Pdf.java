package vn.motcua.documents;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * A small flow layout on PDFBox for the forms: wrapped paragraphs of styled runs, the two-column
 * national header, a title block beside a QR code, tables that continue on the next page with their
 * header repeated, signature blocks kept whole, and page numbers. Fonts are embedded as subsets.
 * One instance renders one document and is not shared between threads.
 */
final class Pdf implements AutoCloseable {
    static final PDRectangle A5 = PDRectangle.A5;
    static final PDRectangle A4 = PDRectangle.A4;
    static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    enum Align { LEFT, CENTER, RIGHT }

    /** A piece of text in one style. */
    record Run(String text, Fonts.Style style) {
    }

    static Run r(String text) {
        return new Run(text, Fonts.Style.REGULAR);
    }

    static Run b(String text) {
        return new Run(text, Fonts.Style.BOLD);
    }

    static Run i(String text) {
        return new Run(text, Fonts.Style.ITALIC);
    }

    /** One column of a signature row: who signs, the hint under it, and the name printed below. */
    record Signature(String title, String hint, String name) {
    }

    /** A laid-out line: runs with their widths. */
    private record Line(List<Run> runs, float width) {
    }

    /** Liberation Serif's ascender and descender, in em. */
    private static final float ASCENT = 0.891f;
    private static final float LEADING = 1.18f;

    private final PDDocument doc = new PDDocument();
    private final PDRectangle size;
    private final float marginLeft;
    private final float marginRight;
    private final float marginTop;
    private final float marginBottom;
    private final Map<Fonts.Style, PDType0Font> fonts = new EnumMap<>(Fonts.Style.class);
    private final Map<Fonts.Style, TrueTypeFont> faces = new EnumMap<>(Fonts.Style.class);
    /** The fonts' Unicode maps, looked up once: each call of getUnicodeCmapLookup builds one anew. */
    private final Map<Fonts.Style, org.apache.fontbox.ttf.CmapLookup> cmaps = new EnumMap<>(Fonts.Style.class);
    /** Widths in glyph units (1/1000 em) of the words measured so far: tables measure each cell twice. */
    private final Map<Fonts.Style, Map<String, Float>> widths = new EnumMap<>(Fonts.Style.class);
    private PDPageContentStream cs;
    private float y;

    Pdf(PDRectangle size, float marginLeft, float marginRight, float marginTop, float marginBottom,
        String title, String subject) {
        this.size = size;
        this.marginLeft = marginLeft;
        this.marginRight = marginRight;
        this.marginTop = marginTop;
        this.marginBottom = marginBottom;
        try {
            for (Fonts.Style style : Fonts.Style.values()) {
                TrueTypeFont face = new TTFParser().parse(new RandomAccessReadBuffer(Fonts.bytes(style)));
                faces.put(style, face);
                widths.put(style, new java.util.HashMap<>());
                cmaps.put(style, face.getUnicodeCmapLookup());
                fonts.put(style, PDType0Font.load(doc, face, true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(clean(title, Fonts.Style.REGULAR));
        info.setSubject(clean(subject, Fonts.Style.REGULAR));
        info.setCreator("motcua documents");
        // A fixed creation date would make the bytes reproducible, but a form's PDF records when it was made.
        info.setCreationDate(GregorianCalendar.getInstance(TimeZone.getTimeZone(VnFormat.VIETNAM)));
        newPage();
    }

    float left() {
        return marginLeft;
    }

    float right() {
        return size.getWidth() - marginRight;
    }

    float width() {
        return right() - left();
    }

    float y() {
        return y;
    }

    // ---------------------------------------------------------------- pages

    void newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            cs.setLineWidth(0.6f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = size.getHeight() - marginTop;
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void ensure(float height) {
        if (y - height < marginBottom) {
            newPage();
        }
    }

    void gap(float height) {
        y -= height;
        if (y < marginBottom) {
            newPage();
        }
    }

    // ---------------------------------------------------------------- text

    static float lineHeight(float fontSize) {
        return fontSize * LEADING;
    }

    /** A paragraph wrapped to the content width (less {@code indent}), flowing onto new pages as needed. */
    void paragraph(float fontSize, Align align, float indent, Run... runs) {
        paragraph(fontSize, align, indent, List.of(runs));
    }

    void paragraph(float fontSize, Align align, float indent, List<Run> runs) {
        for (Line line : wrap(runs, fontSize, width() - indent)) {
            ensure(lineHeight(fontSize));
            drawLine(line, left() + indent, width() - indent, align, fontSize, y);
            y -= lineHeight(fontSize);
        }
    }

    /**
     * Lines drawn in a box at ({@code x}, {@code top}) of width {@code w}, without moving the flow;
     * returns the height used.
     */
    float box(float x, float top, float w, float fontSize, Align align, List<List<Run>> paragraphs) {
        float at = top;
        for (List<Run> p : paragraphs) {
            for (Line line : wrap(p, fontSize, w)) {
                drawLine(line, x, w, align, fontSize, at);
                at -= lineHeight(fontSize);
            }
        }
        return top - at;
    }

    float measureBox(float w, float fontSize, List<List<Run>> paragraphs) {
        int lines = 0;
        for (List<Run> p : paragraphs) {
            lines += wrap(p, fontSize, w).size();
        }
        return lines * lineHeight(fontSize);
    }

    float textWidth(String text, Fonts.Style style, float fontSize) {
        return widths.get(style).computeIfAbsent(text, t -> {
            try {
                return fonts.get(style).getStringWidth(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }) / 1000f * fontSize;
    }

    private void drawLine(Line line, float x, float w, Align align, float fontSize, float top) {
        float start = switch (align) {
            case LEFT -> x;
            case CENTER -> x + (w - line.width()) / 2;
            case RIGHT -> x + w - line.width();
        };
        if (line.runs().isEmpty()) {
            return;
        }
        try {
            cs.beginText();
            cs.newLineAtOffset(start, top - fontSize * ASCENT);
            for (Run run : line.runs()) {
                cs.setFont(fonts.get(run.style()), fontSize);
                cs.showText(run.text());
            }
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy word wrap over styled runs; {@code \n} breaks a line; a word wider than the line is cut. */
    private List<Line> wrap(List<Run> runs, float fontSize, float w) {
        List<Line> lines = new ArrayList<>();
        List<Run> current = new ArrayList<>();
        float currentWidth = 0;
        for (Run run : runs) {
            String text = clean(run.text(), run.style());
            String[] hardLines = text.split("\n", -1);
            for (int h = 0; h < hardLines.length; h++) {
                if (h > 0) {
                    lines.add(finish(current, fontSize));
                    current = new ArrayList<>();
                    currentWidth = 0;
                }
                for (String word : words(hardLines[h])) {
                    float wordWidth = textWidth(word, run.style(), fontSize);
                    float visible = textWidth(word.stripTrailing(), run.style(), fontSize);
                    if (currentWidth + visible > w && !current.isEmpty()) {
                        lines.add(finish(current, fontSize));
                        current = new ArrayList<>();
                        currentWidth = 0;
                        word = word.stripLeading();
                        wordWidth = textWidth(word, run.style(), fontSize);
                        visible = textWidth(word.stripTrailing(), run.style(), fontSize);
                    }
                    while (visible > w && word.length() > 1) {
                        int cut = fitting(word, run.style(), fontSize, w);
                        lines.add(finish(List.of(new Run(word.substring(0, cut), run.style())), fontSize));
                        word = word.substring(cut);
                        wordWidth = textWidth(word, run.style(), fontSize);
                        visible = textWidth(word.stripTrailing(), run.style(), fontSize);
                    }
                    if (word.isEmpty()) {
                        continue;
                    }
                    append(current, new Run(word, run.style()));
                    currentWidth += wordWidth;
                }
            }
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(finish(current, fontSize));
        }
        return lines;
    }

    private int fitting(String word, Fonts.Style style, float fontSize, float w) {
        int cut = 1;
        while (cut < word.length() && textWidth(word.substring(0, cut + 1), style, fontSize) <= w) {
            cut++;
        }
        return cut;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == ' ' && (k + 1 == text.length() || text.charAt(k + 1) != ' ')) {
                words.add(text.substring(start, k + 1));
                start = k + 1;
            }
        }
        if (start < text.length()) {
            words.add(text.substring(start));
        }
        return words;
    }

    private static void append(List<Run> line, Run run) {
        int last = line.size() - 1;
        if (last >= 0 && line.get(last).style() == run.style()) {
            line.set(last, new Run(line.get(last).text() + run.text(), run.style()));
        } else {
            line.add(run);
        }
    }

    private Line finish(List<Run> runs, float fontSize) {
        List<Run> out = new ArrayList<>(runs);
        if (!out.isEmpty()) {
            Run last = out.get(out.size() - 1);
            String stripped = last.text().stripTrailing();
            if (stripped.isEmpty()) {
                out.remove(out.size() - 1);
            } else {
                out.set(out.size() - 1, new Run(stripped, last.style()));
            }
        }
        float w = 0;
        for (Run run : out) {
            w += textWidth(run.text(), run.style(), fontSize);
        }
        return new Line(out, w);
    }

    /**
     * NFC (the font has precomposed Vietnamese letters; PDFBox does no mark positioning), tabs and
     * other controls as spaces, and '?' for a character the font has no glyph for, so an exotic
     * name never fails a whole form.
     */
    private String clean(String text, Fonts.Style style) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        org.apache.fontbox.ttf.CmapLookup cmap = cmaps.get(style);
        nfc.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    // ---------------------------------------------------------------- drawing

    void hline(float x1, float x2, float at) {
        try {
            cs.moveTo(x1, at);
            cs.lineTo(x2, at);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rect(float x, float yBottom, float w, float h) {
        try {
            cs.addRect(x, yBottom, w, h);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR code of {@code text} (error correction M, quiet zone of 1 module) with its top-left corner at (x, top). */
    void qr(String text, float x, float top, float side) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text, e);
        }
        float module = side / matrix.getWidth();
        try {
            cs.setNonStrokingColor(0f);
            for (int row = 0; row < matrix.getHeight(); row++) {
                int col = 0;
                while (col < matrix.getWidth()) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int run = col;
                    while (run < matrix.getWidth() && matrix.get(run, row)) {
                        run++;
                    }
                    cs.addRect(x + col * module, top - (row + 1) * module, (run - col) * module, module);
                    col = run;
                }
            }
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- blocks of the forms

    /**
     * The header of an administrative document (Decree 30/2020): on the left the superior body (if
     * any) and the issuing unit in capitals, bold, a short rule under it; on the right the national
     * title and motto with a rule as long as the motto; then the place and date line in italics
     * under the motto. The left column may carry a document number ("Số: ...").
     */
    void nationalHeader(Issuer issuer, String number, String placeAndDate, float fontSize) {
        float leftW = width() * 0.42f;
        float rightW = width() - leftW;
        float top = y;
        List<List<Run>> leftLines = new ArrayList<>();
        if (issuer.superior() != null && !issuer.superior().isBlank()) {
            leftLines.add(List.of(r(issuer.superior().toUpperCase(java.util.Locale.ROOT))));
        }
        leftLines.add(List.of(b(issuer.name().toUpperCase(java.util.Locale.ROOT))));
        float leftH = box(left(), top, leftW, fontSize, Align.CENTER, leftLines);
        float rule = leftW / 3;
        hline(left() + (leftW - rule) / 2, left() + (leftW + rule) / 2, top - leftH - 2);
        String nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        float nationSize = Math.min(fontSize, fontSize * rightW / (textWidth(nation, Fonts.Style.BOLD, fontSize) + 2));
        box(left() + leftW, top, rightW, nationSize, Align.CENTER, List.of(List.of(b(nation))));
        String motto = "Độc lập - Tự do - Hạnh phúc";
        float mottoTop = top - lineHeight(nationSize);
        float mottoSize = fontSize + 0.5f;
        box(left() + leftW, mottoTop, rightW, mottoSize, Align.CENTER, List.of(List.of(b(motto))));
        float mottoW = textWidth(motto, Fonts.Style.BOLD, mottoSize);
        float mottoX = left() + leftW + (rightW - mottoW) / 2;
        float rightBottom = mottoTop - lineHeight(mottoSize) - 2;
        hline(mottoX, mottoX + mottoW, rightBottom);
        float leftBottom = top - leftH - 2;
        if (number != null) {
            leftBottom -= 4 + box(left(), leftBottom - 4, leftW, fontSize, Align.CENTER, List.of(List.of(r(number))));
        }
        if (placeAndDate != null) {
            rightBottom -= 4 + box(left() + leftW, rightBottom - 4, rightW, fontSize, Align.CENTER,
                    List.of(List.of(i(placeAndDate))));
        }
        y = Math.min(leftBottom, rightBottom) - 8;
    }

    /**
     * The QR code of {@code qrText} at the left margin, and beside it the title lines centred on the
     * page (the same inset on the right keeps them centred).
     */
    void titleWithQr(String qrText, float qrSide, List<List<Run>> titleLines, float titleSize,
                     List<List<Run>> subLines, float subSize) {
        float inset = qrSide + 8;
        float textW = width() - 2 * inset;
        float textH = measureBox(textW, titleSize, titleLines) + measureBox(textW, subSize, subLines);
        float height = Math.max(qrSide, textH);
        ensure(height);
        float top = y;
        qr(qrText, left(), top, qrSide);
        float textTop = top - Math.max(0, (qrSide - textH) / 2);
        float used = box(left() + inset, textTop, textW, titleSize, Align.CENTER, titleLines);
        box(left() + inset, textTop - used, textW, subSize, Align.CENTER, subLines);
        y = top - height - 6;
    }

    /**
     * A form's title over "Mã hồ sơ: …" beside the QR code of the dossier code; a form about a dossier
     * that has no code (guidance or refusal at the counter before reception) gets the title alone.
     */
    void formTitle(String dossierCode, float qrSide, String title, float titleSize, float subSize) {
        if (dossierCode == null || dossierCode.isBlank()) {
            paragraph(titleSize, Align.CENTER, 0, b(title));
            gap(8);
            return;
        }
        titleWithQr(dossierCode, qrSide, List.of(List.of(b(title))), titleSize,
                List.of(List.of(r("Mã hồ sơ: "), b(dossierCode))), subSize);
    }

    /** Signature columns, kept together on one page, with room to sign above the names. */
    void signatures(List<Signature> columns, float fontSize, float signingSpace) {
        float w = width() / columns.size();
        float height = 0;
        for (Signature s : columns) {
            height = Math.max(height, measureBox(w, fontSize, List.of(List.of(b(s.title())))) + lineHeight(fontSize)
                    + signingSpace + lineHeight(fontSize));
        }
        ensure(height);
        float top = y;
        for (int k = 0; k < columns.size(); k++) {
            Signature s = columns.get(k);
            float x = left() + k * w;
            float used = box(x, top, w, fontSize, Align.CENTER, List.of(List.of(b(s.title().toUpperCase(java.util.Locale.ROOT)))));
            if (s.hint() != null) {
                used += box(x, top - used, w, fontSize - 1, Align.CENTER, List.of(List.of(i(s.hint()))));
            }
            if (s.name() != null && !s.name().isBlank()) {
                box(x, top - used - signingSpace, w, fontSize, Align.CENTER, List.of(List.of(b(s.name()))));
            }
        }
        y = top - height - 4;
    }

    /**
     * A ruled table whose columns share the content width by {@code weights}. Rows that do not fit
     * continue on the next page, where the header is drawn again; a row is never split.
     */
    void table(float[] weights, List<String> header, List<List<String>> rows, float fontSize, Align[] aligns) {
        float total = 0;
        for (float w : weights) {
            total += w;
        }
        float[] widths = new float[weights.length];
        for (int k = 0; k < weights.length; k++) {
            widths[k] = width() * weights[k] / total;
        }
        float pad = 2.5f;
        float headerH = rowHeight(widths, header, fontSize, pad, true);
        ensure(headerH + lineHeight(fontSize) + 2 * pad);
        drawRow(widths, header, fontSize, pad, headerH, true, null);
        for (List<String> row : rows) {
            float h = rowHeight(widths, row, fontSize, pad, false);
            if (y - h < marginBottom) {
                newPage();
                drawRow(widths, header, fontSize, pad, headerH, true, null);
            }
            drawRow(widths, row, fontSize, pad, h, false, aligns);
        }
        y -= 6;
    }

    private float rowHeight(float[] widths, List<String> cells, float fontSize, float pad, boolean bold) {
        float h = 0;
        for (int k = 0; k < widths.length; k++) {
            String cell = k < cells.size() ? cells.get(k) : "";
            h = Math.max(h, measureBox(widths[k] - 2 * pad, fontSize,
                    List.of(List.of(new Run(cell, bold ? Fonts.Style.BOLD : Fonts.Style.REGULAR)))));
        }
        return h + 2 * pad;
    }

    private void drawRow(float[] widths, List<String> cells, float fontSize, float pad, float h, boolean header,
                         Align[] aligns) {
        float x = left();
        for (int k = 0; k < widths.length; k++) {
            String cell = k < cells.size() ? cells.get(k) : "";
            rect(x, y - h, widths[k], h);
            Align align = header ? Align.CENTER : aligns == null ? Align.LEFT : aligns[k];
            box(x + pad, y - pad, widths[k] - 2 * pad, fontSize, align,
                    List.of(List.of(new Run(cell, header ? Fonts.Style.BOLD : Fonts.Style.REGULAR))));
            x += widths[k];
        }
        y -= h;
    }

    // ---------------------------------------------------------------- output

    /** Page numbers ("Trang 1/2") when there is more than one page, then the PDF's bytes. */
    byte[] finish() {
        try {
            cs.close();
            cs = null;
            int pages = doc.getNumberOfPages();
            if (pages > 1) {
                for (int k = 0; k < pages; k++) {
                    PDPage page = doc.getPage(k);
                    try (PDPageContentStream footer = new PDPageContentStream(doc, page,
                            PDPageContentStream.AppendMode.APPEND, true, true)) {
                        String text = "Trang " + (k + 1) + "/" + pages;
                        float fs = 8;
                        float w = textWidth(text, Fonts.Style.ITALIC, fs);
                        footer.beginText();
                        footer.setFont(fonts.get(Fonts.Style.ITALIC), fs);
                        footer.newLineAtOffset(size.getWidth() - marginRight - w, marginBottom / 2);
                        footer.showText(text);
                        footer.endText();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (cs != null) {
                cs.close();
            }
            doc.close();
            for (TrueTypeFont face : faces.values()) {
                face.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
