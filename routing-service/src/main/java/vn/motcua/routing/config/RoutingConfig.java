package vn.motcua.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** routing-service's own settings (prefix {@code motcua.routing}). */
@ConfigMapping(prefix = "motcua.routing")
public interface RoutingConfig {

    Deadlines deadlines();

    Supplements supplements();

    interface Supplements {
        /**
         * The applicant's time to supply what Form 02 asks for, in working days from the request, when the
         * officer gives no date (the catalogue has no per-procedure period yet).
         */
        @WithDefault("10")
        int supplyWorkingDays();
    }

    TimeHook clock();

    interface TimeHook {
        /**
         * Test hook: routing's clock may be shifted by an administrator ({@code PUT /api/admin/clock}) so
         * system tests reach warnings and overdue deadlines without waiting. Never on in production: off,
         * the clock is the system clock and the endpoint answers 404.
         */
        @WithDefault("false")
        boolean adjustable();
    }

    interface Deadlines {
        /**
         * Working days before a step's or the dossier's due date at which the sweep warns. The agency at fault
         * may apologise and extend only until one working day before the due date, so the warning must come
         * earlier than that: two by default. Applies to due dates set from then on.
         */
        @WithDefault("2")
        int warningWorkingDays();

        /** The inbox's {@code dueSoon} count: open tasks due within this many working days. */
        @WithDefault("3")
        int dueSoonWorkingDays();

        /** How often each instance sweeps for warnings and overdue deadlines ({@code off} disables it). */
        @WithDefault("60s")
        String sweepEvery();

        /**
         * How far the single extension may move the due date: by the procedure's statutory time again, or by
         * this many working days where that is longer (short procedures). Beyond it the request is refused
         * as absurd (an extension to 2099 once used up a dossier's one extension).
         */
        @WithDefault("10")
        int extensionWorkingDays();

        /** Rows one sweep transaction marks at most; the sweep runs transactions until none are left. */
        @WithDefault("500")
        int sweepBatchSize();
    }
}
