package vn.motcua.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.calendar.CalendarStore;
import vn.motcua.platform.inbox.Handlers;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.routing.domain.Catalog;
import vn.motcua.shared.events.EventTypes;

/**
 * Reads {@code motcua.catalog.events}: a year's official calendar table published by intake's
 * administrators replaces routing's copy, so step and dossier due dates follow the same days off
 * and make-up working days as the appointments intake gives. Agencies and one-stop units are kept as
 * local copies ({@link Catalog}): transfers check their target against them and the forms print their
 * names. Procedure versions are not needed: a dossier brings its plan snapshot.
 */
@ApplicationScoped
public class CatalogEventsConsumer {
    public static final String CONSUMER = "routing-catalog";

    private final InboundEvents inbound;
    private final Handlers handlers;

    public CatalogEventsConsumer(InboundEvents inbound, CalendarStore calendars, Catalog catalog) {
        this.inbound = inbound;
        this.handlers = Handlers.of()
                .on(EventTypes.CALENDAR_YEAR_PUBLISHED, table -> calendars.save(table.toOfficialYear(), table.publishedBy()))
                .on(EventTypes.AGENCY_UPSERTED, catalog::keep)
                .on(EventTypes.UNIT_UPSERTED, catalog::keep);
    }

    @Incoming("catalog-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecords<String, String> records) throws InterruptedException {
        inbound.applyBatch(CONSUMER, records, handlers);
    }
}
