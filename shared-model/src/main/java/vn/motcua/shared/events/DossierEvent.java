package vn.motcua.shared.events;

/** An event about one dossier: subject and Kafka key are its code, so its events stay in order. */
public interface DossierEvent extends EventPayload {
    /** Mã hồ sơ, e.g. {@code 000.17.22.H56-210531-0001}. */
    String dossierCode();

    @Override
    default String subject() {
        return dossierCode();
    }
}
