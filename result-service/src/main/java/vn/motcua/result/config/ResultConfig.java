package vn.motcua.result.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    LogBookForm logBook();

    /** The header of the Form 07 log book PDF (the read model knows unit codes, not their names). */
    interface LogBookForm {
        /** The issuing unit printed top left, e.g. "Trung tâm Phục vụ hành chính công phường Ba Đình". */
        @WithDefault("Bộ phận Một cửa")
        String issuer();

        /** Its superior body, e.g. "UBND phường Ba Đình"; none by default. */
        java.util.Optional<String> superior();

        /** The place of the date line, e.g. "Hà Nội"; none by default (the line then has dots). */
        java.util.Optional<String> place();
    }

    /**
     * Every lookup by dossier code and PIN (status, Open311 view, rating). Past either limit, every lookup in
     * that scope (the address, or the code) answers 429 until the window ends, the correct PIN too.
     */
    interface Lookup {
        /** Misses (unknown code or wrong PIN) a client address may make per window. */
        @WithDefault("10")
        int missLimit();

        @WithDefault("1m")
        Duration missWindow();

        /** Misses (wrong PIN) one dossier code may take per window, from all addresses together. */
        @WithDefault("10")
        int codeMissLimit();

        @WithDefault("1h")
        Duration codeMissWindow();

        /**
         * Peers whose {@code X-Forwarded-For} is believed (addresses or CIDR ranges, comma-separated; none by
         * default): the console, which looks dossiers up for every citizen, and any reverse proxy in front of
         * result. From any other peer the header is ignored, or a client could pick its own bucket.
         */
        Optional<List<String>> trustedProxies();

        /**
         * Believe {@code X-Forwarded-For} from every peer, and take its last entry: only where nothing reaches
         * result but through proxies that append to the header (deploy/k8s behind its ingress).
         */
        @WithDefault("false")
        boolean trustForwardedFor();
    }
}
