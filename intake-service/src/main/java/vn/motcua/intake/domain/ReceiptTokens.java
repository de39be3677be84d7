package vn.motcua.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.platform.audit.AuditSealer;
import vn.motcua.platform.audit.CompactJws;
import vn.motcua.platform.audit.SigningKey;
import vn.motcua.shared.events.EventJson;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The signed token Form 01's QR code carries (issue 23, docs/AUDIT.md): what the receipt certifies — dossier code,
 * receiving unit, received and appointment times — as a JWS signed with intake's Ed25519 key, whose public half is at
 * {@code /.well-known/jwks.json}. Anyone can check a printed receipt offline; one changed byte and it fails.
 */
@ApplicationScoped
public class ReceiptTokens {
    private final SigningKey key;
    private final ObjectMapper json;

    public ReceiptTokens(AuditSealer sealer, ObjectMapper json) {
        this.key = sealer.key();
        this.json = json;
    }

    /** What a receipt certifies. */
    public record Certified(String code, String unit, OffsetDateTime receivedAt, OffsetDateTime appointmentAt,
                            String keyId) {
    }

    /**
     * The token of a received dossier. Short keys and epoch seconds keep it small enough for the receipt's QR code
     * with the page's address: {@code c} code, {@code u} unit, {@code r} received, {@code a} appointment.
     */
    public String sign(Dossier dossier) {
        ObjectNode payload = json.createObjectNode();
        payload.put("c", dossier.code);
        payload.put("u", dossier.unitCode);
        payload.put("r", dossier.receivedAt.toEpochSecond());
        if (dossier.appointmentAt != null) {
            payload.put("a", dossier.appointmentAt.toEpochSecond());
        }
        return CompactJws.sign(key, payload.toString());
    }

    private static OffsetDateTime vietnam(long epochSecond) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), EventJson.VIETNAM);
    }

    /** What the token certifies, or empty when intake did not sign it or it was changed. */
    public Optional<Certified> verify(String token) {
        return CompactJws.verify(key.publicKey(), token).map(payload -> {
            try {
                JsonNode node = json.readTree(payload);
                return new Certified(node.path("c").asText(), node.path("u").asText(), vietnam(node.path("r").asLong()),
                        node.hasNonNull("a") ? vietnam(node.path("a").asLong()) : null, key.keyId());
            } catch (Exception malformed) {
                return null; // signed by us, so never; a payload we cannot read certifies nothing
            }
        });
    }
}
