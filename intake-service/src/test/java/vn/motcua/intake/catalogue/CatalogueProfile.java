package vn.motcua.intake.catalogue;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The catalogue tests' own Quarkus boot, hence their own database: they add procedures, agencies and
 * units, which the reception tests' exact counts of the demo catalogue must not see. Both catalogue
 * test classes share this one boot.
 */
public class CatalogueProfile implements QuarkusTestProfile {
}
