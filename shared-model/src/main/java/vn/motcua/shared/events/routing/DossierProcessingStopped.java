package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/** Processing stopped for good (dừng xử lý, national status 8), with the notice's reason. */
public record DossierProcessingStopped(
        String dossierCode,
        String agencyCode,
        String stoppedBy,
        OffsetDateTime stoppedAt,
        String reason) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.dossier.processing-stopped.v1";
    public static final String TOPIC = Topics.ROUTING;
}
