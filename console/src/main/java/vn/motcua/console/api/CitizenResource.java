package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import vn.motcua.console.client.PublicIntakeClient;
import vn.motcua.console.client.PublicResultClient;
import vn.motcua.console.client.ServiceException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The citizens' page (no sign-in): the status of a dossier by its code and PIN through result's public API, and
 * the satisfaction rating once the result is returned. Form 01's QR code opens it with the code filled in.
 */
@Path("/tra-cuu")
@Produces(MediaType.TEXT_HTML)
public class CitizenResource {
    private final PublicResultClient result;
    private final PublicIntakeClient intake;

    public CitizenResource(@RestClient PublicResultClient result, @RestClient PublicIntakeClient intake) {
        this.result = result;
        this.intake = intake;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(String code, String pin, PublicResultClient.Status status, boolean rated,
                                              ReceiptCheck receipt);
    }

    /**
     * What the receipt's QR token says, checked by intake: {@code valid} and what it certifies, or not valid (not
     * issued as it stands, or issued for another dossier than the code on the page).
     */
    public record ReceiptCheck(boolean valid, PublicIntakeClient.Certified certified) {
    }

    @GET
    public Response lookup(@QueryParam("code") String code, @QueryParam("pin") String pin,
                           @QueryParam("da-danh-gia") boolean rated, @QueryParam("t") String receiptToken,
                           @Context HttpServerRequest request) {
        String c = Pages.text(code);
        String p = Pages.text(pin);
        ReceiptCheck receipt = check(Pages.text(receiptToken), c);
        if (c == null || p == null) {
            TemplateInstance page = Templates.lookup(c == null ? "" : c, p == null ? "" : p, null, false, receipt);
            if (c != null || p != null) {
                page.data("message", "Xin nhập cả mã hồ sơ và mã tra cứu (in trên giấy tiếp nhận).");
            }
            return Response.ok(page).build();
        }
        try {
            return Response.ok(Templates.lookup(c, p, result.status(c, p, citizen(request)), rated, receipt)).build();
        } catch (ServiceException e) {
            TemplateInstance page = Templates.lookup(c, p, null, false, receipt);
            if (e.status() == 404) {
                return Response.status(404).entity(page.data("message",
                        "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Xin kiểm tra lại hai mã trên giấy tiếp nhận.")).build();
            }
            return Pages.failed(page, e);
        }
    }

    /**
     * The receipt's token checked by intake (null without a token, or when intake cannot answer: then the page says
     * nothing either way); not valid when intake refuses it or it certifies another dossier than the page's code.
     */
    private ReceiptCheck check(String token, String code) {
        if (token == null) {
            return null;
        }
        try {
            PublicIntakeClient.Certified certified = intake.verifyReceipt(token);
            return new ReceiptCheck(code == null || certified.code().equals(code), certified);
        } catch (ServiceException e) {
            return e.status() == 400 ? new ReceiptCheck(false, null) : null;
        }
    }

    @POST
    @Path("danh-gia")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@RestForm String code, @RestForm String pin, @RestForm String onTime,
                         @RestForm Integer contactCount, @RestForm Integer agenciesContacted,
                         @RestForm String staffAttitude, @RestForm String openness, @RestForm String overall,
                         @RestForm String comment, @Context HttpServerRequest request) {
        String c = Pages.text(code);
        String p = Pages.text(pin);
        try {
            result.rate(c, p, citizen(request), new PublicResultClient.Rating(onTime == null ? null : Boolean.valueOf(onTime), contactCount,
                    agenciesContacted, Pages.text(staffAttitude), Pages.text(openness), Pages.text(overall), Pages.text(comment)));
            return Pages.seeOther("/tra-cuu?code=" + url(c) + "&pin=" + url(p) + "&da-danh-gia=true");
        } catch (ServiceException e) {
            PublicResultClient.Status status = null;
            try {
                status = result.status(c, p, citizen(request));
            } catch (ServiceException again) {
                // the sentence of the first error says enough
            }
            return Pages.failed(Templates.lookup(c, p, status, false, null), e);
        }
    }

    /**
     * The citizen's address as this console sees it (the TCP peer; behind a reverse proxy, what
     * quarkus.http.proxy.* makes of its headers), never a header the citizen wrote, for result's miss limits.
     */
    private static String citizen(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
