package vn.motcua.result.domain;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.result.config.ResultConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The lookup PIN kept as a keyed HMAC-SHA256 of (dossier code, PIN): fast enough for thousands of lookups
 * a second, and without the key a leaked table does not give the PINs away (a plain hash of six digits
 * would). Binding the code in means equal PINs of two dossiers do not look equal.
 */
@ApplicationScoped
public class PinHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public PinHasher(ResultConfig config) {
        this.key = new SecretKeySpec(config.pinKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Hex HMAC of the pair, 64 characters. */
    public String hash(String code, String pin) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(code.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(pin.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
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
