package vn.motcua.platform.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Refuses to start a packaged service (prod profile) while any {@code motcua.*} setting still holds one of the
 * development keys committed in the sources (values starting with {@value #DEV_PREFIX}: the PIN and
 * citizen-link HMAC keys): with a public key, a 6-digit PIN's HMAC is a lookup table away. The local stack
 * and developers' machines say so explicitly with {@code MOTCUA_ALLOW_DEV_KEYS=true}
 * ({@code motcua.allow-dev-keys}); dev and test mode never need it.
 */
@ApplicationScoped
public class DevKeyGuard {
    public static final String DEV_PREFIX = "dev-only-";
    private static final Logger LOG = Logger.getLogger(DevKeyGuard.class);

    void onStart(@Observes @Priority(1) StartupEvent start, ServiceConfig config) {
        check(LaunchMode.current(), config.allowDevKeys(), ConfigProvider.getConfig());
    }

    /** Throws when {@code mode} is a deployment (not dev/test), dev keys are not allowed and some are set. */
    public static void check(LaunchMode mode, boolean allowed, Config config) {
        List<String> devKeys = devKeys(config);
        if (devKeys.isEmpty() || mode.isDevOrTest()) {
            return;
        }
        if (allowed) {
            LOG.warnf("running with the development keys %s because motcua.allow-dev-keys=true: never in production", devKeys);
            return;
        }
        throw new IllegalStateException("refusing to start with the development keys committed in the sources: "
                + String.join(", ", devKeys) + ". Set " + String.join(", ", devKeys.stream().map(DevKeyGuard::envName).toList())
                + " to secrets (intake's and result's citizen-link keys must be the same secret), or set"
                + " MOTCUA_ALLOW_DEV_KEYS=true on a developer's machine (deploy/local/up.sh does).");
    }

    /** The {@code motcua.*} settings whose current value is a development key, by name. */
    public static List<String> devKeys(Config config) {
        TreeSet<String> names = new TreeSet<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("motcua."))
                .filter(name -> value(config, name).filter(v -> v.startsWith(DEV_PREFIX)).isPresent())
                .forEach(names::add);
        return List.copyOf(names);
    }

    private static Optional<String> value(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (RuntimeException unresolvable) { // e.g. an expression whose variable is not set here
            return Optional.empty();
        }
    }

    /** The environment variable that sets a property (MicroProfile Config's rule). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
