package vn.motcua.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * JSON Web Signatures in compact form with EdDSA over Ed25519 (RFC 7515, RFC 8037): {@code header.payload.signature},
 * each base64url. Small enough for a QR code (a receipt's token is about 240 characters). Plain JDK.
 */
public final class CompactJws {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private CompactJws() {
    }

    /** Signs a JSON payload; the header names the algorithm and the key id. */
    public static String sign(SigningKey key, String payloadJson) {
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + key.keyId() + "\"}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return input + "." + B64.encodeToString(key.sign(input));
    }

    /** The payload JSON of a token {@code key} signed, or empty when any byte of it differs from what was signed. */
    public static Optional<String> verify(PublicKey key, String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            if (!header.replace(" ", "").contains("\"alg\":\"EdDSA\"")) {
                return Optional.empty();
            }
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            // only the canonical spelling: the last character of 64 bytes in base64 carries 4 unused bits, and a
            // token that differs there would otherwise verify too
            if (!B64.encodeToString(signature).equals(parts[2])
                    || !SigningKey.verifies(key, parts[0] + "." + parts[1], signature)) {
                return Optional.empty();
            }
            return Optional.of(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
