package vn.motcua.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.motcua.intake.domain.ReceiptTokens;
import vn.motcua.platform.problem.ProblemException;

/**
 * Checks the token of a receipt's QR code (issue 23): anyone, without signing in, learns what the receipt certifies,
 * or 400 when intake did not sign it as it stands. Offline, the same check needs only the public key at
 * {@code /.well-known/jwks.json} (docs/AUDIT.md).
 */
@Path("/api/public/receipts/verify")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptVerificationResource {
    static final int MAX_TOKEN = 2_000;

    private final ReceiptTokens tokens;

    public ReceiptVerificationResource(ReceiptTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @PermitAll
    @Operation(summary = "What a receipt's QR token certifies (code, unit, received and appointment times), or 400")
    public ReceiptTokens.Certified verify(@QueryParam("token") String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            throw ProblemException.badRequest("invalid-receipt-token",
                    "Thiếu mã xác thực của giấy tiếp nhận (token) hoặc mã quá dài.");
        }
        return tokens.verify(token.strip()).orElseThrow(() -> ProblemException.badRequest("invalid-receipt-token",
                "Mã xác thực không hợp lệ: giấy tiếp nhận này không do Bộ phận Một cửa cấp hoặc đã bị sửa đổi."));
    }
}
