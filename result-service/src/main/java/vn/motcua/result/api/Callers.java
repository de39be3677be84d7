package vn.motcua.result.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;

/** Who calls, from the bearer token: the user name and the {@code unit} / {@code citizen_id} claims. */
@RequestScoped
public class Callers {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Callers(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String userName() {
        return identity.getPrincipal().getName();
    }

    /** The one-stop unit of a counter officer; without one the officer may act on no dossier. */
    public String unit() {
        String unit = claim("unit");
        if (unit == null) {
            throw new ProblemException(Problem.of("no-unit", "Tài khoản chưa gắn với bộ phận một cửa", 403,
                    "Tài khoản cán bộ một cửa phải có mã bộ phận một cửa (unit)."));
        }
        return unit;
    }

    /** The 12-digit citizen ID of a logged-in citizen (never stored: only its keyed HMAC is compared). */
    public String citizenId() {
        String citizenId = claim("citizen_id");
        if (citizenId == null || !citizenId.matches("[0-9]{12}")) {
            throw new ProblemException(Problem.of("no-citizen-id", "Tài khoản chưa được định danh", 403,
                    "Tài khoản công dân phải có số định danh cá nhân (citizen_id, 12 chữ số) để theo dõi hồ sơ."));
        }
        return citizenId;
    }

    private String claim(String name) {
        Object claim = token.getClaim(name);
        String value = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return value == null || value.isBlank() ? null : value;
    }
}
