package vn.motcua.shared.events;

import java.util.List;

/**
 * The Kafka topics of the system (ARCHITECTURE.md). Each service publishes only on its own topic;
 * dossier topics are keyed by dossier code so that one dossier's events stay in order.
 */
public final class Topics {
    /** Dossier life at the counter: received, supplement, refusal, withdrawal. Key: dossier code. */
    public static final String INTAKE = "motcua.intake.events";
    /** Procedures, agencies, one-stop units and the official calendar tables. Key: the item's code. */
    public static final String CATALOG = "motcua.catalog.events";
    /** Routing, agency tasks and the deadline clock. Key: dossier code. */
    public static final String ROUTING = "motcua.routing.events";
    /** Result return and satisfaction. Key: dossier code. */
    public static final String RESULT = "motcua.result.events";
    /** Notification delivery outcomes. Key: dossier code. */
    public static final String NOTIFICATION = "motcua.notification.events";

    /**
     * Work organisation inside agencies, published by routing: delegations of authority granted and revoked
     * (issue 24), the audit trail of who may sign or assign for a head. Key: the agency's code.
     */
    public static final String AGENCY = "motcua.agency.events";

    public static final List<String> ALL = List.of(INTAKE, CATALOG, ROUTING, RESULT, NOTIFICATION, AGENCY);

    private Topics() {
    }
}
