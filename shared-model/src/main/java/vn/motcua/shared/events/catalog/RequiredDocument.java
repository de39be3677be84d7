package vn.motcua.shared.events.catalog;

import vn.motcua.shared.events.DocumentForm;

/** A document of a procedure's dossier (thành phần hồ sơ), with its form and number of copies. */
public record RequiredDocument(String name, DocumentForm form, int copies, boolean mandatory) {
}
