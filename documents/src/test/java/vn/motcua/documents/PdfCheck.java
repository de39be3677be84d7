package vn.motcua.documents;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a rendered PDF back with PDFBox: text, page sizes, fonts, and the QR code as an image. */
final class PdfCheck implements AutoCloseable {
    final byte[] bytes;
    final PDDocument doc;

    PdfCheck(byte[] bytes) {
        this.bytes = bytes;
        try {
            this.doc = Loader.loadPDF(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a copy under target/forms for a person to look at. */
    PdfCheck save(String name) {
        try {
            Path dir = Path.of("target", "forms");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".pdf"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    int pages() {
        return doc.getNumberOfPages();
    }

    String text() {
        return text(1, pages());
    }

    String text(int fromPage, int toPage) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(fromPage);
            stripper.setEndPage(toPage);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with runs of whitespace (line breaks from wrapping included) as one space. */
    String flatText() {
        return text().replaceAll("\\s+", " ");
    }

    void assertPageSize(PDRectangle expected) {
        for (PDPage page : doc.getPages()) {
            PDRectangle box = page.getMediaBox();
            assertEquals(expected.getWidth(), box.getWidth(), 0.5, "page width");
            assertEquals(expected.getHeight(), box.getHeight(), 0.5, "page height");
        }
    }

    /** Every font on every page is embedded (a subset, by its name prefix) and there is at least one. */
    List<String> assertFontsEmbedded() {
        List<String> names = new ArrayList<>();
        try {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                    assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), font.getName() + " is not a subset");
                    names.add(font.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(!names.isEmpty(), "no fonts");
        return names;
    }

    /** The first page rendered at 150 dpi, and the QR code found on it. */
    String decodeQr() {
        try {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.RGB);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return result.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no QR code readable on page 1", e);
        }
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
