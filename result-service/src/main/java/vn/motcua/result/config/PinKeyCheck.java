package vn.motcua.result.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says loudly when the PIN key is the development default outside dev and test: the local stack runs the
 * packaged jars (prod profile) and must start without secrets, but a real deployment must not keep it.
 */
@ApplicationScoped
public class PinKeyCheck {
    public static final String DEV_KEY = "dev-only-result-pin-key-do-not-use-in-production";
    private static final Logger LOG = Logger.getLogger(PinKeyCheck.class);

    void onStart(@Observes StartupEvent start, ResultConfig config) {
        if (config.pinKey().length() < 32) {
            throw new IllegalStateException("motcua.result.pin-key must be at least 32 characters");
        }
        if (DEV_KEY.equals(config.pinKey()) && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("motcua.result.pin-key is the development default: set MOTCUA_RESULT_PIN_KEY in production");
        }
    }
}
