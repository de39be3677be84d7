package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The unit's signing certificate ({@code motcua.signing.*}, issue 21): the PKCS#12 file whose key signs the unit's
 * digitised copies (PAdES) and the CA certificate a signature must chain to. The same names serve result-service's
 * electronic results. The local stack passes its development certificate ({@code deploy/local/up.sh}); its password
 * starts with {@code dev-only-}, so {@code DevKeyGuard} refuses it in a packaged service unless
 * {@code MOTCUA_ALLOW_DEV_KEYS=true}. Service tests issue their own certificate with {@code DevCertificates}.
 * Without a keystore the service signs nothing (its copies are listed as unsigned).
 */
@ConfigMapping(prefix = "motcua.signing")
public interface SigningConfig {
    /** The PKCS#12 file holding the unit's key and its certificate chain. */
    Optional<Path> keystore();

    /** The PKCS#12 file's password (a deployment sets {@code MOTCUA_SIGNING_PASSWORD}). */
    Optional<String> password();

    /** The key entry in the keystore. */
    @WithDefault("unit")
    String alias();

    /** A PEM file of the CA certificate(s) a unit's signature must chain to, to verify as VALID. */
    Optional<Path> trustedCa();
}
