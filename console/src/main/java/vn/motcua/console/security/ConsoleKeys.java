package vn.motcua.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Keys the console derives from its client secret (the same on every instance, like the session cookie's
 * encryption): one to sign CSRF tokens, one to seal what a redirect carries in a cookie. Nothing is stored.
 */
@ApplicationScoped
public class ConsoleKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] signing;
    private final SecretKeySpec sealing;

    public ConsoleKeys(@ConfigProperty(name = "quarkus.oidc.credentials.secret") String secret) {
        this.signing = derive(secret, "csrf");
        this.sealing = new SecretKeySpec(derive(secret, "seal"), "AES");
    }

    /** HMAC-SHA256 of {@code data}, base64url. */
    public String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signing, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-GCM: only this console can read it back, and any change to it is noticed. */
    public String seal(String text) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #seal} sealed; empty when the value was not sealed by this console or was changed. */
    public Optional<String> open(String value) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String secret, String purpose) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((purpose + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
