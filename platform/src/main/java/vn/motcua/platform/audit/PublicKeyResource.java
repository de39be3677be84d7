package vn.motcua.platform.audit;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** The service's public key, for anyone who verifies its checkpoints or receipts offline (docs/AUDIT.md). */
@Path("/.well-known/jwks.json")
@Blocking
public class PublicKeyResource {
    private final AuditSealer sealer;

    public PublicKeyResource(AuditSealer sealer) {
        this.sealer = sealer;
    }

    /** The service's Ed25519 public key as a JWK set (RFC 8037): checks checkpoints and, from intake, receipts. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public Map<String, List<Map<String, String>>> keys() {
        SigningKey key = sealer.key();
        return Map.of("keys", List.of(Map.of("kty", "OKP", "crv", "Ed25519", "x", key.publicKeyBase64Url(),
                "kid", key.keyId(), "use", "sig", "alg", "EdDSA")));
    }
}
