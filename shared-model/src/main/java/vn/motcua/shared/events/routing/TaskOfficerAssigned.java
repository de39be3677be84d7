package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The head of the agency (or a delegate for assignment) gave a task to a named officer (phân công), or gave it
 * to another officer (reassignment, also when the one holding it is absent).
 *
 * @param previousOfficer who held the task before, absent when nobody did
 * @param onBehalfOf      the head on whose behalf a delegate assigned, absent when the head did
 */
public record TaskOfficerAssigned(
        String dossierCode,
        UUID taskId,
        String stepId,
        String agencyCode,
        String officer,
        @OptionalField String previousOfficer,
        String assignedBy,
        @OptionalField String onBehalfOf,
        OffsetDateTime assignedAt) implements RoutingEvent {

    public static final String TYPE = "vn.motcua.task.officer-assigned.v1";
    public static final String TOPIC = Topics.ROUTING;
}
