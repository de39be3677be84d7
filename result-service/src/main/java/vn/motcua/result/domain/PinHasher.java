package vn.motcua.result.domain;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.platform.crypto.Hmacs;
import vn.motcua.result.config.ResultConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The lookup PIN kept as a keyed HMAC-SHA256 of (dossier code, PIN): fast enough for thousands of lookups
 * a second, and without the key a leaked table does not give the PINs away (a plain hash of six digits
 * would). Binding the code in means equal PINs of two dossiers do not look equal.
 */
@ApplicationScoped
public class PinHasher {
    private final String key;

    public PinHasher(ResultConfig config) {
        this.key = config.pinKey();
    }

    /** Hex HMAC of the pair (code, NUL, PIN), 64 characters. */
    public String hash(String code, String pin) {
        return Hmacs.sha256Hex(key, code + '\0' + pin);
    }

    /**
     * Whether {@code pin} is the PIN behind {@code storedHmac}. Always computes the HMAC and compares in
     * constant time, also when nothing is stored ({@code null}), so timing does not tell an unknown code
     * from a wrong PIN.
     */
    public boolean matches(String code, String pin, String storedHmac) {
        byte[] actual = hash(code, pin).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = (storedHmac != null ? storedHmac : "-".repeat(64)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected) && storedHmac != null;
    }
}
