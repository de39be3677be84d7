package vn.motcua.intake.catalogue;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The catalogue tests' own Quarkus boot, hence their own database: they add procedures, agencies and
 * units, which the reception tests' exact counts of the demo catalogue must not see. Both catalogue
 * test classes share this one boot.
 *
 * <p>The unit's cut-off for same-day procedures is midnight here, so that every reception of the day is after it
 * whatever the hour the tests run ({@link SameDayCutoffTest}); the catalogue tests' procedures take days, which the
 * cut-off never moves.
 */
public class CatalogueProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("motcua.intake.same-day-cutoff", "00:00");
    }
}
