package vn.motcua.shared.events.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.motcua.shared.events.Contact;
import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.Payloads;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A one-stop unit (Bộ phận Tiếp nhận và Trả kết quả) was created or changed; the whole current state.
 *
 * @param unitCode its identity code (QCVN 102:2016), the first part of the dossier codes it issues
 */
public record OneStopUnitUpserted(
        String unitCode,
        String name,
        @OptionalField String address,
        List<Contact> contacts,
        boolean active,
        OffsetDateTime updatedAt) implements CatalogEvent {

    public static final String TYPE = "vn.motcua.unit.upserted.v1";
    public static final String TOPIC = Topics.CATALOG;

    public OneStopUnitUpserted {
        contacts = Payloads.list(contacts);
    }

    @JsonIgnore
    @Override
    public String subject() {
        return unitCode;
    }
}
