package vn.motcua.console.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.security.ConsoleKeys;

import java.util.Optional;

/**
 * Carries a new dossier's PIN across the redirect after reception to the receipt page, sealed (only this console
 * reads it), HttpOnly, sent to that page only and for {@value #MINUTES} minutes: intake shows the PIN once, and a
 * reload of the receipt page must not lose it or receive the dossier again. The console itself stores nothing.
 */
@ApplicationScoped
public class ReceiptCookie {
    static final String NAME = "motcua-bien-nhan";
    static final String PATH = "/quay/da-tiep-nhan";
    static final int MINUTES = 15;

    private final ConsoleKeys keys;
    private final boolean secure;

    public ReceiptCookie(ConsoleKeys keys, @ConfigProperty(name = "motcua.console.public-url") String publicUrl) {
        this.keys = keys;
        this.secure = publicUrl.startsWith("https:");
    }

    NewCookie remember(IntakeClient.Receipt receipt) {
        return new NewCookie.Builder(NAME).value(keys.seal(receipt.code() + "\n" + receipt.lookupPin()))
                .path(PATH).maxAge(MINUTES * 60).httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** The PIN of {@code code}, if the cookie is this console's and about that dossier. */
    Optional<String> pin(String sealed, String code) {
        return Optional.ofNullable(sealed).flatMap(keys::open)
                .filter(text -> text.startsWith(code + "\n"))
                .map(text -> text.substring(code.length() + 1));
    }
}
