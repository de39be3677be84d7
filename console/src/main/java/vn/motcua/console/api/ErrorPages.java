package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.Messages;

/** Errors as a page with one sentence: never a stack trace or a service's JSON. */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String sentence, int status);
    }

    @ServerExceptionMapper
    public Response service(ServiceException e) {
        return page(e.status() == 0 ? 503 : e.status(), Messages.sentence(e));
    }

    /** The service did not answer (refused, timed out). */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service did not answer: %s", e.getMessage());
        return page(503, Messages.sentence(new ServiceException(0, null, null, null)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Không có trang này. Hãy dùng các mục trên thanh điều hướng.");
    }

    /**
     * A page the officer's roles do not open (the administration, {@code /quan-tri}): refused by the console itself,
     * before any service is asked, so not even a list is read for an officer who is not an administrator.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "Trang này chỉ dành cho quản trị viên; tài khoản của bạn không có quyền xem.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("page failed", e);
        return page(500, "Hệ thống gặp sự cố khi xử lý yêu cầu; xin vui lòng thử lại sau ít phút.");
    }

    static Response page(int status, String sentence) {
        return Response.status(status).entity(Templates.error(sentence, status)).type("text/html;charset=UTF-8").build();
    }
}
