package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** intake-service settings ({@code motcua.intake.*}). */
@ConfigMapping(prefix = "motcua.intake")
public interface IntakeConfig {
    /**
     * Key of the lookup-PIN HMAC. A 6-digit PIN has only a million values, so an unkeyed or slow
     * hash protects nothing against whoever holds the table; a secret key does, and stays fast.
     */
    String pinKey();

    /**
     * Key of the citizen-ID HMAC that links a logged-in citizen to their dossiers across services
     * (the ID itself never leaves intake). Every service that links citizens uses the same key.
     */
    String citizenLinkKey();

    /**
     * The unit's cut-off (giờ tiếp nhận cuối ngày, default 15:00): a same-day procedure received on a working day at or
     * after it is due the next working day (docs/LEGAL-BASIS.md); {@code none} for no cut-off. One value for the
     * deployment's units until office hours become data per unit.
     */
    @WithDefault("15:00")
    String sameDayCutoff();

    /** {@link #sameDayCutoff()} as a time, or null for none. */
    default java.time.LocalTime cutoff() {
        return "none".equalsIgnoreCase(sameDayCutoff().strip()) ? null : java.time.LocalTime.parse(sameDayCutoff().strip());
    }

    /**
     * The working hours a unit has to check an online submission before supervisors are warned that it was left
     * unchecked (default 8: one working day; docs/LEGAL-BASIS.md).
     */
    @WithDefault("8")
    int submissionCheckWorkingHours();

    /** Form 01's QR code: the citizens' page (the console's /tra-cuu) it opens, with the dossier code filled in. */
    Receipt receipt();

    interface Receipt {
        String lookupUrl();
    }

    /**
     * How long reception may use the unit and procedure version it read (issue 18, item 3): this instance's own
     * catalogue changes apply at once, another instance's within this time.
     */
    @WithDefault("5s")
    Duration catalogueMaxAge();

    TimeHook clock();

    interface TimeHook {
        /**
         * Test hook: intake's clock may be shifted by an administrator ({@code PUT /api/admin/clock}) so system tests
         * receive a dossier at 15:30 or on a Saturday whatever the hour they run. Never on in production: off, the
         * clock is the system clock and the endpoint answers 404; a packaged intake refuses to start with it on
         * unless MOTCUA_TEST_HOOKS=1.
         */
        @WithDefault("false")
        boolean adjustable();
    }
}
