package vn.motcua.platform.time;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A packaged service refuses the clock test hook unless MOTCUA_TEST_HOOKS=1 says it runs on a test stack. */
class ClockHookGuardTest {
    @Test
    void aPackagedServiceRefusesTheHookOutsideATestStack() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ClockHook.guard(LaunchMode.NORMAL, true, null, "motcua.intake.clock.adjustable"));
        assertTrue(refused.getMessage().contains("motcua.intake.clock.adjustable=true"), refused.getMessage());
        assertTrue(refused.getMessage().contains("MOTCUA_TEST_HOOKS=1"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> ClockHook.guard(LaunchMode.NORMAL, true, "0", "x"));
        assertThrows(IllegalStateException.class, () -> ClockHook.guard(LaunchMode.NORMAL, true, "true", "x"));
    }

    @Test
    void theHookOffATestStackOrATestRunStarts() {
        assertDoesNotThrow(() -> ClockHook.guard(LaunchMode.NORMAL, false, null, "x"));
        assertDoesNotThrow(() -> ClockHook.guard(LaunchMode.NORMAL, true, "1", "x"));
        assertDoesNotThrow(() -> ClockHook.guard(LaunchMode.TEST, true, null, "x"));
        assertDoesNotThrow(() -> ClockHook.guard(LaunchMode.DEVELOPMENT, true, null, "x"));
    }
}
