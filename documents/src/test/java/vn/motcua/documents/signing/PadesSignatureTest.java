package vn.motcua.documents.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.documents.ReceiptForm;
import vn.motcua.documents.SamplesAccess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PadesSignatureTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);
    static DevCertificates.Issued issued;
    static PadesSigner signer;
    static PadesVerifier verifier;
    static byte[] form;
    static byte[] signed;

    @BeforeAll
    static void sign(@TempDir Path dir) throws Exception {
        issued = DevCertificates.issue("Trung tâm Phục vụ hành chính công phường Ba Đình", CLOCK.instant());
        DevCertificates.write(issued, dir.resolve("unit.p12"), dir.resolve("ca.pem"), "changeit".toCharArray());
        signer = PadesSigner.fromPkcs12(dir.resolve("unit.p12"), "changeit".toCharArray(), CLOCK);
        verifier = new PadesVerifier(List.of(issued.ca()));
        form = ReceiptForm.render(SamplesAccess.receipt());
        signed = signer.sign(form, "Bản sao điện tử", "Hà Nội");
        Files.write(Path.of("target", "signed-receipt.pdf"), signed);
    }

    @Test
    void aSignedFormVerifiesWithSignerAndTime() {
        SignatureVerdict verdict = verifier.verify(signed);
        assertEquals(SignatureVerdict.Status.VALID, verdict.status(), verdict.message());
        assertEquals("Trung tâm Phục vụ hành chính công phường Ba Đình", verdict.signer());
        assertEquals(Instant.parse("2026-12-05T03:00:00Z"), verdict.signedAt().toInstant());
        assertEquals("Chữ ký số hợp lệ: tệp chưa bị thay đổi kể từ khi ký.", verdict.message());
        // an incremental update: the original bytes are untouched at the front
        assertArrayEquals(form, Arrays.copyOf(signed, form.length));
    }

    @Test
    void theSignatureIsAPadesBaselineOne() throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature signature = doc.getLastSignatureDictionary();
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            assertEquals("Adobe.PPKLite", signature.getFilter());
            CMSSignedData cms = PadesVerifier.cms(signature, signed);
            assertTrue(cms.isDetachedSignature());
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertNotNull(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
            assertNull(info.getSignedAttributes().get(CMSAttributes.signingTime), "PAdES: the time is the dictionary's M");
            assertEquals(2, cms.getCertificates().getMatches(null).size(), "unit certificate and its CA");
        }
    }

    @Test
    void everySingleAlteredByteFailsLoudly() {
        // one byte in the page content, one in the signature's own hex, one in the trailer
        int[] positions = {form.length / 2, contentsOffset() + 100, signed.length - 10};
        for (int position : positions) {
            byte[] altered = signed.clone();
            altered[position] ^= 0x01;
            SignatureVerdict verdict = verifier.verify(altered);
            assertFalse(verdict.valid(), "byte " + position + " changed, still " + verdict.status());
        }
        byte[] altered = signed.clone();
        altered[form.length / 2] ^= 0x01;
        assertEquals(SignatureVerdict.Status.ALTERED, verifier.verify(altered).status());
        assertEquals("Chữ ký số không hợp lệ: nội dung tệp đã bị thay đổi sau khi ký.", verifier.verify(altered).message());
    }

    @Test
    void bytesAppendedAfterSigningAreNotCovered() {
        byte[] appended = Arrays.copyOf(signed, signed.length + 8);
        System.arraycopy("\n%extra\n".getBytes(), 0, appended, signed.length, 8);
        assertEquals(SignatureVerdict.Status.NOT_COVERED, verifier.verify(appended).status());
    }

    @Test
    void anotherCaIsUntrustedAndAnUnsignedFileIsSaid() {
        var other = DevCertificates.issue("Khác", CLOCK.instant());
        assertEquals(SignatureVerdict.Status.UNTRUSTED, new PadesVerifier(List.of(other.ca())).verify(signed).status());
        assertEquals(SignatureVerdict.Status.NOT_SIGNED, verifier.verify(form).status());
        assertEquals(SignatureVerdict.Status.MALFORMED, verifier.verify("không phải PDF".getBytes()).status());
        assertThrows(IllegalArgumentException.class, () -> signer.sign("MZ\u0090".getBytes(), "x", "y"));
    }

    private static int contentsOffset() {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            return doc.getLastSignatureDictionary().getByteRange()[1];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
