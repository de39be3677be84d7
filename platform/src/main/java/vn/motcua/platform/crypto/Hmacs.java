package vn.motcua.platform.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Keyed HMAC-SHA256 in lower-case hex: the one implementation behind the lookup-PIN and citizen-ID
 * HMACs of every service (fast to check, useless without the key).
 */
public final class Hmacs {
    private Hmacs() {
    }

    /**
     * One initialised {@code Mac} per thread and key: looking the algorithm up and keying it on every call was
     * about 5 % of a status lookup's CPU (docs/BENCHMARKS.md). A service uses one or two keys.
     */
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

    public static String sha256Hex(String key, String text) {
        Mac mac = MACS.get().computeIfAbsent(key, Hmacs::keyed);
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyed(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
