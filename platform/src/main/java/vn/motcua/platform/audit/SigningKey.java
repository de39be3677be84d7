package vn.motcua.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key pair made from a 32-byte secret (RFC 8032: the private key is those 32 bytes, the public key follows
 * from them), so one setting holds the whole key: {@code openssl rand -base64 32}. Signs audit checkpoints and
 * receipts; the public half is published as a JWK. Plain JDK, so the auditor's command-line verifier uses it too.
 */
public final class SigningKey {
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final KeyPair pair;
    private final byte[] rawPublic;
    private final String keyId;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
        this.rawPublic = raw(pair.getPublic());
        this.keyId = keyIdOf(rawPublic);
    }

    /**
     * The key pair of a base64 secret of 32 bytes; a {@code dev-only-} prefix (the development key committed in the
     * sources, refused by {@code DevKeyGuard} in a packaged service) is ignored.
     */
    public static SigningKey fromSecret(String secret) {
        String base64 = secret.strip();
        if (base64.startsWith("dev-only-")) {
            base64 = base64.substring("dev-only-".length());
        }
        byte[] seed = Base64.getDecoder().decode(base64);
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 signing secret is 32 bytes in base64 (openssl rand -base64 32), not "
                    + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return new SigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    public byte[] sign(String message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair.getPrivate());
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with Ed25519", e);
        }
    }

    /** The raw 32-byte public key, base64url without padding: a JWK's {@code x}. */
    public String publicKeyBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublic);
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** The first 16 hex digits of the SHA-256 of the raw public key. */
    public String keyId() {
        return keyId;
    }

    /** The public key of a JWK's {@code x} (raw 32 bytes, base64url). */
    public static PublicKey publicKeyOf(String x) {
        byte[] raw = Base64.getUrlDecoder().decode(x);
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static String keyIdOf(byte[] rawPublic) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublic)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String keyIdOf(PublicKey key) {
        return keyIdOf(raw(key));
    }

    /** The raw 32-byte key: the end of its X.509 encoding (RFC 8410). */
    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code message}. */
    public static boolean verifies(PublicKey key, String message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Hands the key pair generator the configured seed as its "random" 32 bytes, once. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;
        private boolean used;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 key generator asked for " + bytes.length
                        + " bytes; only the 32-byte seed can be given");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
