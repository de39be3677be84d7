package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;

/** The routing plan of a received dossier was instantiated: each step's due time is fixed. */
public record DossierRouted(
        String dossierCode,
        OffsetDateTime routedAt,
        OffsetDateTime dueAt,
        List<ScheduledStep> steps) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.routed.v1";
    public static final String TOPIC = Topics.ROUTING;

    public DossierRouted {
        steps = Payloads.list(steps);
    }
}
