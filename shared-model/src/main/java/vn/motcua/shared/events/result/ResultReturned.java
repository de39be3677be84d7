package vn.motcua.shared.events.result;

import vn.motcua.shared.events.OptionalField;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.events.Topics;

import java.time.OffsetDateTime;

/**
 * The result was handed back (đã trả kết quả, national status 10).
 *
 * @param receivedBy     who took the result at the counter
 * @param trackingNumber the postal item's number when sent by post
 * @param returnedBy     the counter officer who returned it, if any
 * @param onTime         returned no later than the statutory due time moved only by lawful pauses (not by the
 *                       extension: a result after it is late, with or without an apology; before issue 20 this
 *                       compared with the extended appointment)
 * @param apologyRef     the Form 04 apology's reference when the dossier had the one extension
 */
public record ResultReturned(
        String dossierCode,
        OffsetDateTime returnedAt,
        ReturnChannel channel,
        @OptionalField String receivedBy,
        @OptionalField String trackingNumber,
        @OptionalField String returnedBy,
        boolean onTime,
        @OptionalField String apologyRef) implements ResultEvent {

    public static final String TYPE = "vn.motcua.dossier.result-returned.v1";
    public static final String TOPIC = Topics.RESULT;
}
