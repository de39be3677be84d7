package vn.motcua.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.calendar.CalendarStore;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.routing.domain.Catalog;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.catalog.CalendarYearPublished;

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
    private final CalendarStore calendars;
    private final Catalog catalog;

    public CatalogEventsConsumer(InboundEvents inbound, CalendarStore calendars, Catalog catalog) {
        this.inbound = inbound;
        this.calendars = calendars;
        this.catalog = catalog;
    }

    @Incoming("catalog-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) throws InterruptedException {
        inbound.apply(CONSUMER, record.topic(), record.key(), record.value(), event -> {
            if (EventTypes.CALENDAR_YEAR_PUBLISHED.type().equals(event.type())) {
                CalendarYearPublished table = EventTypes.CALENDAR_YEAR_PUBLISHED.payload(event);
                calendars.save(table.toOfficialYear(), table.publishedBy());
            } else if (EventTypes.AGENCY_UPSERTED.type().equals(event.type())) {
                catalog.keep(EventTypes.AGENCY_UPSERTED.payload(event));
            } else if (EventTypes.UNIT_UPSERTED.type().equals(event.type())) {
                catalog.keep(EventTypes.UNIT_UPSERTED.payload(event));
            }
        });
    }
}
