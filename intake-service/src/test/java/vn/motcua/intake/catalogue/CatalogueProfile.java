package vn.motcua.intake.catalogue;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The catalogue tests' own Quarkus boot, hence their own database: they add procedures, agencies and
 * units, which the reception tests' exact counts of the demo catalogue must not see. Both catalogue
 * test classes share this one boot. ({@link SameDayCutoffTest} has a boot of its own, with the clock hook on.)
 */
public class CatalogueProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of();
    }
}
