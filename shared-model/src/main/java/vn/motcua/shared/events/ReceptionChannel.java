package vn.motcua.shared.events;

/** How a dossier reached the one-stop unit. */
public enum ReceptionChannel {
    /** Trực tiếp tại Bộ phận Một cửa. */
    COUNTER,
    /** Qua bưu chính công ích (Decision 45/2016/QĐ-TTg). */
    POSTAL,
    /** Trực tuyến. */
    ONLINE
}
