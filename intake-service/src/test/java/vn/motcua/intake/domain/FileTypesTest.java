package vn.motcua.intake.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The type of a file by its first bytes, and the name kept for it: plain rules, no Quarkus. */
class FileTypesTest {
    static Optional<FileTypes> sniff(byte... head) {
        byte[] padded = java.util.Arrays.copyOf(head, FileTypes.HEAD);
        return FileTypes.sniff(padded, head.length);
    }

    @Test
    void pdfJpegAndPngAreRecognisedByTheirSignatures() {
        assertEquals(Optional.of(FileTypes.PDF), sniff("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileTypes.JPEG), sniff((byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1));
        assertEquals(Optional.of(FileTypes.PNG), sniff((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) '\r',
                (byte) '\n', (byte) 0x1A, (byte) '\n'));
    }

    @Test
    void programsTextAndTruncatedSignaturesAreNot() {
        assertEquals(Optional.empty(), sniff((byte) 0x7F, (byte) 'E', (byte) 'L', (byte) 'F')); // Linux program
        assertEquals(Optional.empty(), sniff((byte) 'M', (byte) 'Z', (byte) 0x90, (byte) 0)); // Windows program
        assertEquals(Optional.empty(), sniff("<html><b".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), sniff("%PDF".getBytes(StandardCharsets.US_ASCII))); // 4 of the 5 bytes
        assertEquals(Optional.empty(), sniff((byte) 0xFF, (byte) 0xD8)); // a JPEG cut after 2 bytes
        assertEquals(Optional.empty(), sniff(" %PDF-1.4".substring(0, 8).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), sniff());
    }

    @Test
    void theNameLosesAnyPathAndControlCharactersAndIsNeverEmpty() {
        assertEquals("giấy chứng sinh.pdf", DossierFiles.cleanName("C:\\Users\\an\\giấy chứng sinh.pdf", FileTypes.PDF));
        assertEquals("scan.pdf", DossierFiles.cleanName("../../etc/scan.pdf", FileTypes.PDF));
        assertEquals("ab.png", DossierFiles.cleanName("a\u0000\nb.png", FileTypes.PNG));
        assertEquals("tep.jpeg", DossierFiles.cleanName("  ", FileTypes.JPEG));
        assertEquals("tep.pdf", DossierFiles.cleanName(null, FileTypes.PDF));
        assertEquals(255, DossierFiles.cleanName("x".repeat(300) + ".pdf", FileTypes.PDF).length());
    }
}
