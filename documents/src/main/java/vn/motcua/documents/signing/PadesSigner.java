package vn.motcua.documents.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Signs a PDF with the unit's certificate as a PAdES baseline (B-B) signature: an incremental update
 * whose signature dictionary has SubFilter {@code ETSI.CAdES.detached} and whose detached CMS carries
 * the signing-certificate-v2 attribute and no signing-time attribute (PAdES puts the time in the
 * dictionary's M entry). Thread-safe: each call loads its own document. {@link PadesVerifier} checks it.
 */
public final class PadesSigner {
    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Clock clock;

    public PadesSigner(PrivateKey key, List<X509Certificate> chain, Clock clock) {
        if (chain.isEmpty()) throw new IllegalArgumentException("a signer needs its certificate");
        this.key = key;
        this.chain = List.copyOf(chain);
        this.clock = clock;
    }

    /** The first key entry of a PKCS#12 file (the unit's key and its chain, CA last). */
    public static PadesSigner fromPkcs12(Path file, char[] password, Clock clock) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) continue;
                PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                Certificate[] certs = ks.getCertificateChain(alias);
                return new PadesSigner(key, Arrays.stream(certs).map(c -> (X509Certificate) c).toList(), clock);
            }
            throw new IllegalArgumentException(file + " holds no key entry");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing certificate " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the signing certificate " + file, e);
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * The PDF with the unit's signature added.
     *
     * @param reason   shown by readers as the signature's reason (Vietnamese, e.g. "Bản sao điện tử")
     * @param location where it was signed (the unit's place)
     * @throws IllegalArgumentException when the bytes are not a PDF PDFBox can open
     */
    public byte[] sign(byte[] pdf, String reason, String location) {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable PDF: " + e.getMessage(), e);
        }
        try (doc) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(commonName(certificate()));
            signature.setReason(reason);
            signature.setLocation(location);
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
            now.setTimeInMillis(clock.millis());
            signature.setSignDate(now);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes()));
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("signing failed", e);
        }
    }

    private byte[] cms(byte[] signedRanges) {
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)}))));
            DefaultSignedAttributeTableGenerator standard =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            CMSAttributeTableGenerator withoutSigningTime = parameters -> {
                AttributeTable table = standard.getAttributes(parameters);
                return table.remove(CMSAttributes.signingTime);
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(new JcaContentSignerBuilder(algorithm()).build(key), certificate()));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(signedRanges), false).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("cannot build the CMS signature", e);
        }
    }

    private String algorithm() {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            default -> "SHA256withRSA";
        };
    }

    static String commonName(X509Certificate certificate) {
        String dn = certificate.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) return part.substring(3);
        }
        return dn;
    }
}
