package vn.motcua.console.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import vn.motcua.console.security.Csrf;

/**
 * Every form an officer posts carries their session's anti-forgery token ({@link Csrf}); a post without it — a
 * page of another site submitting a form into a signed-in officer's console — changes nothing and gets a page
 * saying so. The citizens' page posts without a session (its rating needs the dossier's PIN) and is left alone.
 */
public class FormGuard {
    private static final Logger LOG = Logger.getLogger(FormGuard.class);
    static final String REFUSED = "Biểu mẫu không được chấp nhận vì không được gửi từ trang của Bộ phận Một cửa trong "
            + "phiên làm việc hiện tại (có thể trang đã mở từ trước khi đăng nhập lại). Không có thay đổi nào được thực hiện; "
            + "hãy mở lại trang và thực hiện lại.";

    private final Csrf csrf;

    public FormGuard(Csrf csrf) {
        this.csrf = csrf;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || !csrf.signedIn()) {
            return null;
        }
        if (csrf.accepts(PostedForm.first(Csrf.FIELD))) {
            return null;
        }
        LOG.warnf("refused a %s to %s by %s without this session's form token (origin %s)", method,
                request.getUriInfo().getPath(), csrf.officer(), request.getHeaderString("Origin"));
        return ErrorPages.page(403, REFUSED);
    }
}
