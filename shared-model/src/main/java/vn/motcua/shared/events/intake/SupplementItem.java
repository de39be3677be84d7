package vn.motcua.shared.events.intake;

import vn.motcua.shared.events.DocumentForm;
import vn.motcua.shared.events.OptionalField;

/** A document to supply or supplied (a row of Form 02). */
public record SupplementItem(String name, @OptionalField DocumentForm form, @OptionalField Integer copies,
                             @OptionalField String note) {
}
