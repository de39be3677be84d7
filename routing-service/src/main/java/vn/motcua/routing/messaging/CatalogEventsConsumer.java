package vn.motcua.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.motcua.platform.calendar.CalendarStore;
import vn.motcua.platform.inbox.InboundEvents;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.catalog.CalendarYearPublished;

/**
 * Reads {@code motcua.catalog.events}: a year's official calendar table published by intake's
 * administrators replaces routing's copy, so step and dossier due dates follow the same days off
 * and make-up working days as the appointments intake gives. Procedures and agencies come later.
 */
@ApplicationScoped
public class CatalogEventsConsumer {
    public static final String CONSUMER = "routing-catalog";

    private final InboundEvents inbound;
    private final CalendarStore calendars;

    public CatalogEventsConsumer(InboundEvents inbound, CalendarStore calendars) {
        this.inbound = inbound;
        this.calendars = calendars;
    }

    @Incoming("catalog-events")
    @Blocking(ordered = true)
    public void on(ConsumerRecord<String, String> record) throws InterruptedException {
        inbound.apply(CONSUMER, record.topic(), record.key(), record.value(), event -> {
            if (EventTypes.CALENDAR_YEAR_PUBLISHED.type().equals(event.type())) {
                CalendarYearPublished table = EventTypes.CALENDAR_YEAR_PUBLISHED.payload(event);
                calendars.save(table.toOfficialYear(), table.publishedBy());
            }
        });
    }
}
