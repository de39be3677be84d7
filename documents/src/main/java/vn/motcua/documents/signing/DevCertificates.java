package vn.motcua.documents.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A development certificate for the local stack and the tests: a self-signed CA and a unit certificate
 * it issued, written as a PKCS#12 file (key entry {@code unit}, chain unit → CA) and the CA alone as PEM
 * (the verifier's trust anchor). Never for production: production takes the unit's real certificate by
 * configuration or secret.
 *
 * <p>{@code java -cp … vn.motcua.documents.signing.DevCertificates <dir> <password> [unit name]} writes
 * {@code unit.p12} and {@code ca.pem} into {@code dir} unless {@code unit.p12} is already there.
 */
public final class DevCertificates {
    public static final String ALIAS = "unit";

    private DevCertificates() {
    }

    public record Issued(KeyPair unitKey, X509Certificate unit, X509Certificate ca) {
    }

    public static Issued issue(String unitName, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair caKey = generator.generateKeyPair();
            KeyPair unitKey = generator.generateKeyPair();
            X500Name caName = new X500Name("CN=motcua development CA, O=motcua (dev), C=VN");
            Date from = Date.from(now.minus(Duration.ofDays(1)));
            Date to = Date.from(now.plus(Duration.ofDays(3650)));
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), from, to, caName, caKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCert = sign(ca, caKey);
            X509v3CertificateBuilder unit = new JcaX509v3CertificateBuilder(caName, serial(), from, to,
                    new X500Name("CN=" + unitName + ", O=motcua (dev), C=VN"), unitKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new Issued(unitKey, sign(unit, caKey), caCert);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the development certificate", e);
        }
    }

    public static void write(Issued issued, Path p12, Path caPem, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, issued.unitKey().getPrivate(), password, new Certificate[] {issued.unit(), issued.ca()});
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, password);
        }
        Files.writeString(caPem, pem(issued.ca()), StandardCharsets.US_ASCII);
    }

    public static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DevCertificates <dir> <password> [unit name]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path p12 = dir.resolve("unit.p12");
        if (Files.exists(p12)) return;
        String unit = args.length > 2 ? args[2] : "Trung tâm Phục vụ hành chính công (phát triển)";
        write(issue(unit, Instant.now()), p12, dir.resolve("ca.pem"), args[1].toCharArray());
    }
}
