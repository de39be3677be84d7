package vn.motcua.result.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of result-service ({@code motcua.result.*}). */
@ConfigMapping(prefix = "motcua.result")
public interface ResultConfig {

    /**
     * Key of the HMAC-SHA256 kept instead of each dossier's lookup PIN. Production sets
     * {@code MOTCUA_RESULT_PIN_KEY}; the built-in development key is announced with a warning at start.
     */
    String pinKey();

    /**
     * Key of the HMAC that links a logged-in citizen to their dossiers: {@code HMAC-SHA256(key, citizen_id)}.
     * It must be the same key as intake's {@code motcua.intake.citizen-link-key}, which computes the HMAC
     * that the events carry.
     */
    String citizenLinkKey();

    Lookup lookup();

    /** The public status lookup ({@code GET /api/public/dossiers/{code}?pin=}). */
    interface Lookup {
        /** Misses (unknown code or wrong PIN) a client address may make per window; the next one gets 429. */
        @WithDefault("10")
        int missLimit();

        @WithDefault("1m")
        Duration missWindow();

        /**
         * Take the client address from {@code X-Forwarded-For} (its last entry, the one our proxy added).
         * Only behind a proxy that sets the header: otherwise any client could pick its own bucket.
         */
        @WithDefault("false")
        boolean trustForwardedFor();
    }
}
