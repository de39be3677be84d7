package vn.motcua.shared.events.catalog;

import vn.motcua.shared.events.EventPayload;

/** A catalogue change published on {@link vn.motcua.shared.events.Topics#CATALOG}. */
public sealed interface CatalogEvent extends EventPayload
        permits ProcedureVersionPublished, ProcedureVersionRetired, AgencyUpserted, OneStopUnitUpserted,
        CalendarYearPublished {
}
