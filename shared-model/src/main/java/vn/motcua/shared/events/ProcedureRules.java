package vn.motcua.shared.events;

import vn.motcua.shared.events.catalog.RequiredDocument;

import java.util.List;

/**
 * What the catalogue says processing may and may not do with a dossier of this procedure version (the case
 * type's flags): the agency's pause for a supplement, the one extension with apology, and what a supplement
 * may ask for. Carried on {@code dossier.received} so routing enforces the version the dossier was received
 * under; a dossier received without them (an older producer) is processed as if everything were allowed.
 *
 * @param suspensionAllowed whether an agency may pause the clock to ask the applicant for a supplement
 * @param extensionAllowed  whether the one new appointment with apology (Form 04) may be given
 * @param documents         the procedure's dossier components (thành phần hồ sơ): a supplement asks only for these
 * @param supplementLapse   what happens when a supply-by date passes unanswered; absent from older producers, and
 *                          then {@link SupplementLapse#WAIT} (nothing automatic)
 */
public record ProcedureRules(boolean suspensionAllowed, boolean extensionAllowed,
                             @OptionalField List<RequiredDocument> documents,
                             @OptionalField SupplementLapse supplementLapse) {
    public ProcedureRules {
        documents = Payloads.list(documents);
        supplementLapse = supplementLapse == null ? SupplementLapse.WAIT : supplementLapse;
    }

    public ProcedureRules(boolean suspensionAllowed, boolean extensionAllowed, List<RequiredDocument> documents) {
        this(suspensionAllowed, extensionAllowed, documents, null);
    }
}
