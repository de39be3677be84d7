package vn.motcua.intake.messaging;

import vn.motcua.intake.domain.Agency;
import vn.motcua.intake.domain.OneStopUnit;
import vn.motcua.intake.domain.ProcedureContent;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.Contact;
import vn.motcua.shared.events.EventTypes;
import vn.motcua.shared.events.NotificationChannel;
import vn.motcua.shared.events.catalog.AgencyUpserted;
import vn.motcua.shared.events.catalog.OneStopUnitUpserted;
import vn.motcua.shared.events.catalog.ProcedureVersionPublished;
import vn.motcua.shared.events.catalog.ProcedureVersionRetired;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The catalogue events intake publishes on {@code motcua.catalog.events}, keyed by the item's code. */
public final class CatalogEvents {
    public static final String TOPIC = IntakeEvents.CATALOG_TOPIC;

    private CatalogEvents() {
    }

    public static CloudEvent<ProcedureVersionPublished> published(ProcedureVersion v) {
        ProcedureContent content = v.content();
        return EventTypes.envelope(IntakeEvents.SOURCE, new ProcedureVersionPublished(v.code, v.version, v.name,
                v.field, v.effectiveFrom, v.effectiveTo, v.statutoryTime(), v.routingPlan(), v.requiredDocuments(),
                content.feeVnd(), v.suspensionAllowed, v.extensionAllowed, v.publishedAt));
    }

    /** The version stops applying to new dossiers from {@code effectiveTo} (retired, or superseded by a newer one). */
    public static CloudEvent<ProcedureVersionRetired> retired(ProcedureVersion v, OffsetDateTime at) {
        return EventTypes.envelope(IntakeEvents.SOURCE, new ProcedureVersionRetired(v.code, v.version, v.effectiveTo, at));
    }

    public static CloudEvent<AgencyUpserted> agency(Agency a) {
        return EventTypes.envelope(IntakeEvents.SOURCE, new AgencyUpserted(a.code, a.name, a.parentCode,
                contacts(a.email, a.phone), a.active, a.updatedAt));
    }

    public static CloudEvent<OneStopUnitUpserted> unit(OneStopUnit u) {
        return EventTypes.envelope(IntakeEvents.SOURCE, new OneStopUnitUpserted(u.code, u.name, u.address,
                contacts(u.email, u.phone), u.active, u.updatedAt));
    }

    private static List<Contact> contacts(String email, String phone) {
        List<Contact> contacts = new ArrayList<>();
        if (email != null) {
            contacts.add(new Contact(NotificationChannel.EMAIL, email, "Thư điện tử"));
        }
        if (phone != null) {
            contacts.add(new Contact(NotificationChannel.SMS, phone, "Điện thoại"));
        }
        return contacts;
    }
}
