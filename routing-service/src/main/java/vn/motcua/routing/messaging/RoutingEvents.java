package vn.motcua.routing.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.routing.AgencyEvent;
import vn.motcua.shared.events.Topics;
import vn.motcua.shared.events.routing.RoutingEvent;

/** Publishes routing's events through the outbox, in the caller's transaction. */
@ApplicationScoped
public class RoutingEvents {
    /** The CloudEvents {@code source} of everything routing publishes. */
    public static final String SOURCE = "routing-service";

    private final Outbox outbox;

    public RoutingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(RoutingEvent payload) {
        outbox.publish(Topics.ROUTING, EventTypes.envelope(SOURCE, payload));
    }

    /** A delegation granted or revoked, on the agency topic (keyed by the agency's code). */
    public void publish(AgencyEvent payload) {
        outbox.publish(Topics.AGENCY, EventTypes.envelope(SOURCE, payload));
    }
}
