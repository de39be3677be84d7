package vn.motcua.shared.events.routing;

import vn.motcua.shared.events.EventPayload;

/**
 * An event about an agency's own organisation, published by routing on
 * {@link vn.motcua.shared.events.Topics#AGENCY} and keyed by the agency's code (not about a dossier).
 */
public sealed interface AgencyEvent extends EventPayload permits DelegationGranted, DelegationRevoked {
    String agencyCode();

    @Override
    default String subject() {
        return agencyCode();
    }
}
