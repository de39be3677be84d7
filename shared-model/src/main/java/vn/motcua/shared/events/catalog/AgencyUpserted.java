package vn.motcua.shared.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.motcua.shared.events.Contact;
import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An agency (cơ quan có thẩm quyền) was created or changed; the whole current state, not a diff.
 * Notification uses the contacts to tell an agency about its tasks and deadlines.
 */
public record AgencyUpserted(
        String agencyCode,
        String name,
        @OptionalField String parentCode,
        List<Contact> contacts,
        boolean active,
        OffsetDateTime updatedAt) implements CatalogEvent {

    public static final String TYPE = "vn.motcua.agency.upserted.v1";
    public static final String TOPIC = Topics.CATALOG;

    public AgencyUpserted {
        contacts = Payloads.list(contacts);
    }

    @JsonIgnore
    @Override
    public String subject() {
        return agencyCode;
    }
}
