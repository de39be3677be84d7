package vn.motcua.intake.config;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.config.DevKeyGuard;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningConfigTest {
    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(SigningConfig.class)
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    @Test
    void theLocalStacksSettingsMapToTheUnitsKeystore() {
        SigningConfig signing = config(Map.of(
                "motcua.signing.keystore", "/tmp/stack/data/signing/unit.p12",
                "motcua.signing.password", "dev-only-signing-password",
                "motcua.signing.trusted-ca", "/tmp/stack/data/signing/ca.pem")).getConfigMapping(SigningConfig.class);

        assertEquals(Optional.of(Path.of("/tmp/stack/data/signing/unit.p12")), signing.keystore());
        assertEquals(Optional.of("dev-only-signing-password"), signing.password());
        assertEquals("unit", signing.alias());
        assertEquals(Optional.of(Path.of("/tmp/stack/data/signing/ca.pem")), signing.trustedCa());
    }

    @Test
    void aPackagedServiceRefusesTheDevelopmentSigningPassword() {
        SmallRyeConfig config = config(Map.of("motcua.signing.password", "dev-only-signing-password"));

        assertTrue(DevKeyGuard.devKeys(config).contains("motcua.signing.password"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DevKeyGuard.check(LaunchMode.NORMAL, false, config));
        assertTrue(refused.getMessage().contains("MOTCUA_SIGNING_PASSWORD"), refused.getMessage());
        DevKeyGuard.check(LaunchMode.NORMAL, true, config); // the local stack says it is a developer's machine
    }

    @Test
    void aRealSigningPasswordIsAccepted() {
        SmallRyeConfig config = config(Map.of("motcua.signing.password", "s3cret-from-the-vault"));

        assertFalse(DevKeyGuard.devKeys(config).contains("motcua.signing.password"));
    }
}
