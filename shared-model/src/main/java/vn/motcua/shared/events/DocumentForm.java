package vn.motcua.shared.events;

/** Form of a document in a dossier (bản chính, bản sao chứng thực, bản sao). */
public enum DocumentForm {
    ORIGINAL,
    CERTIFIED_COPY,
    COPY
}
