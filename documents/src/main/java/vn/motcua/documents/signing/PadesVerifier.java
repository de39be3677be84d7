package vn.motcua.documents.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static vn.motcua.documents.signing.SignatureVerdict.Status.ALTERED;
import static vn.motcua.documents.signing.SignatureVerdict.Status.MALFORMED;
import static vn.motcua.documents.signing.SignatureVerdict.Status.NOT_COVERED;
import static vn.motcua.documents.signing.SignatureVerdict.Status.NOT_SIGNED;
import static vn.motcua.documents.signing.SignatureVerdict.Status.UNTRUSTED;
import static vn.motcua.documents.signing.SignatureVerdict.Status.VALID;

/**
 * Checks the last signature of a PDF signed by {@link PadesSigner}: it must cover the whole file, be a
 * detached CAdES signature whose signing-certificate-v2 names the signer's certificate, verify over the
 * signed byte ranges, and chain to one of the trusted CA certificates. Never throws on bad input: any
 * fault becomes a verdict that is not {@link SignatureVerdict#valid()}.
 */
public final class PadesVerifier {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final List<X509Certificate> trusted;

    public PadesVerifier(Collection<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    public SignatureVerdict verify(byte[] pdf) {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf);
        } catch (IOException | RuntimeException e) {
            return SignatureVerdict.of(MALFORMED);
        }
        try (doc) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) return SignatureVerdict.of(NOT_SIGNED);
            return check(signatures.get(signatures.size() - 1), pdf);
        } catch (IOException | RuntimeException e) {
            return SignatureVerdict.of(MALFORMED);
        }
    }

    private SignatureVerdict check(PDSignature signature, byte[] pdf) throws IOException {
        if (!PadesSigner.ETSI_CADES_DETACHED.getName().equals(signature.getSubFilter())) return SignatureVerdict.of(MALFORMED);
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0) return SignatureVerdict.of(MALFORMED);
        if ((long) range[2] + range[3] != pdf.length) return SignatureVerdict.of(NOT_COVERED);
        CMSSignedData cms;
        SignerInformation signer;
        X509Certificate certificate;
        try {
            cms = cms(signature, pdf);
            signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (Exception e) {
            return SignatureVerdict.of(MALFORMED);
        }
        if (!namesSigner(signer, certificate)) return SignatureVerdict.of(MALFORMED);
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) return SignatureVerdict.of(ALTERED);
        } catch (Exception e) {
            return SignatureVerdict.of(ALTERED);
        }
        String name = PadesSigner.commonName(certificate);
        var signedAt = signature.getSignDate() == null ? null
                : signature.getSignDate().toInstant().atZone(VIETNAM).toOffsetDateTime();
        SignatureVerdict.Status status = trusted(certificate) ? VALID : UNTRUSTED;
        return new SignatureVerdict(status, status.message(), name, signedAt);
    }

    /** The CMS of a signature over its byte ranges; the zero padding after the DER object is not part of it. */
    static CMSSignedData cms(PDSignature signature, byte[] pdf) throws IOException, CMSException {
        try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
            return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    ContentInfo.getInstance(in.readObject()));
        }
    }

    private static boolean namesSigner(SignerInformation signer, X509Certificate certificate) {
        try {
            Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (attribute == null) return false;
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            ESSCertIDv2 id = SigningCertificateV2.getInstance(value).getCerts()[0];
            String hash = id.getHashAlgorithm().getAlgorithm().getId().equals("2.16.840.1.101.3.4.2.1") ? "SHA-256" : null;
            if (hash == null) return false;
            return Arrays.equals(id.getCertHash(), MessageDigest.getInstance(hash).digest(certificate.getEncoded()));
        } catch (Exception e) {
            return false;
        }
    }

    private boolean trusted(X509Certificate certificate) {
        for (X509Certificate anchor : trusted) {
            try {
                if (anchor.equals(certificate)) return true;
                if (!anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) continue;
                certificate.verify(anchor.getPublicKey());
                certificate.checkValidity();
                return true;
            } catch (Exception e) {
                // not this anchor
            }
        }
        return false;
    }
}
