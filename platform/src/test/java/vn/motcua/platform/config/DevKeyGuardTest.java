package vn.motcua.platform.config;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard against committed development keys, on configurations built like a service's. */
class DevKeyGuardTest {

    /** intake's and result's defaults as their application.properties hold them. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "motcua.intake.pin-key", "dev-only-pin-key-change-me",
            "motcua.intake.citizen-link-key", "dev-only-citizen-link-key-change-me",
            "motcua.result.pin-key", "${MOTCUA_RESULT_PIN_KEY:dev-only-result-pin-key-do-not-use-in-production}",
            "motcua.service", "intake",
            "quarkus.datasource.username", "dev-only-is-not-a-key-of-ours");

    private static SmallRyeConfig config(Map<String, String> env) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors() // expressions expanded, as in a service
                .withSources(new PropertiesConfigSource(DEFAULTS, "application.properties", 250))
                .withSources(new EnvConfigSource(env, 300))
                .build();
    }

    @Test
    void everyCommittedDevKeyIsFoundByName() {
        assertEquals(List.of("motcua.intake.citizen-link-key", "motcua.intake.pin-key", "motcua.result.pin-key"),
                DevKeyGuard.devKeys(config(Map.of())));
    }

    @Test
    void aDeploymentWithDevKeysRefusesToStartAndNamesTheVariablesToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DevKeyGuard.check(LaunchMode.NORMAL, false, config(Map.of("MOTCUA_INTAKE_PIN_KEY", "s3cret-from-a-vault-0123456789abcdef"))));
        assertTrue(refused.getMessage().contains("MOTCUA_INTAKE_CITIZEN_LINK_KEY"), refused.getMessage());
        assertTrue(refused.getMessage().contains("MOTCUA_RESULT_PIN_KEY"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("MOTCUA_INTAKE_PIN_KEY"), "the key set by the environment is not named");
    }

    @Test
    void keysFromTheEnvironmentReplaceTheDevKeys() {
        SmallRyeConfig real = config(Map.of(
                "MOTCUA_INTAKE_PIN_KEY", "a".repeat(40),
                "MOTCUA_INTAKE_CITIZEN_LINK_KEY", "b".repeat(40),
                "MOTCUA_RESULT_PIN_KEY", "c".repeat(40)));
        assertEquals(List.of(), DevKeyGuard.devKeys(real));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, false, real));
    }

    @Test
    void devKeysAreAcceptedOnlyWhenAllowedOrInDevAndTestMode() {
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, true, config(Map.of())));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.DEVELOPMENT, false, config(Map.of())));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.TEST, false, config(Map.of())));
    }

    @Test
    void envNameFollowsMicroProfileConfig() {
        assertEquals("MOTCUA_INTAKE_CITIZEN_LINK_KEY", DevKeyGuard.envName("motcua.intake.citizen-link-key"));
    }
}
