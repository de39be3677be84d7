package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import vn.motcua.console.client.ListPage;
import vn.motcua.console.client.RoutingClient;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.Formats;
import vn.motcua.console.view.Officer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The agency officer's inbox and step actions. Everything goes to routing with the officer's token: routing
 * shows only the agency's own tasks and answers 404 for any other, so a typed URL shows nothing more.
 */
@Path("/xu-ly")
@Produces(MediaType.TEXT_HTML)
public class AgencyResource {
    static final int PAGE_SIZE = 50;
    /** Forms of a dossier routing prints, by the console's file name. */
    static final Map<String, String> FORMS = Map.of(
            "phieu-kiem-soat", "control-sheet", "van-ban-xin-loi", "apology", "thong-bao-dung", "stop-notice");

    private final RoutingClient routing;
    private final Officer officer;

    public AgencyResource(@RestClient RoutingClient routing, Officer officer) {
        this.routing = routing;
        this.officer = officer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(ListPage<RoutingClient.Task> tasks, String status, String dossier, int page, int pages);

        static native TemplateInstance task(RoutingClient.Task task, RoutingClient.ClockDossier dossier, boolean maySign);
    }

    @GET
    public TemplateInstance inbox(@QueryParam("trang") int page, @QueryParam("status") String status,
                                  @QueryParam("ho-so") String dossier, @QueryParam("xong") String done) {
        String wanted = Pages.text(status);
        String code = Pages.text(dossier);
        ListPage<RoutingClient.Task> tasks = routing.tasks(wanted, code, Math.max(page, 0), PAGE_SIZE);
        int pages = tasks.pages(Math.max(page, 0), PAGE_SIZE);
        return Done.shown(Templates.inbox(tasks, wanted == null ? "" : wanted, code == null ? "" : code, Math.max(page, 0),
                pages), done);
    }

    @GET
    @Path("viec/{id}")
    public TemplateInstance task(@PathParam("id") String id, @QueryParam("xong") String done) {
        RoutingClient.Task task = routing.task(id);
        return Done.shown(Templates.task(task, routing.dossier(task.dossierCode()), maySign(task)), done);
    }

    /**
     * Whether the sign button is shown: to the head, or to an officer whose signing delegation is in force (routing
     * decides again when the button is pressed). Delegations are only asked for a draft waiting for its signature.
     */
    private boolean maySign(RoutingClient.Task task) {
        if (!"AWAITING_SIGNATURE".equals(task.phase())) {
            return false;
        }
        return officer.isLead() || routing.delegations(0, 100).items().stream().anyMatch(d -> d.active()
                && d.revokedAt() == null && "SIGN".equals(d.scope()) && officer.username().equals(d.delegate()));
    }

    @POST
    @Path("viec/{id}/du-thao")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(@PathParam("id") String id, @RestForm String outcome, @RestForm String note) {
        return act(id, () -> routing.draft(id, new RoutingClient.Draft(decision(outcome), Pages.text(note))), Done.DRAFTED);
    }

    @POST
    @Path("viec/{id}/tham-dinh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") String id, @RestForm String decision, @RestForm String reason) {
        return act(id, () -> routing.review(id, new RoutingClient.Review(
                "SEND_BACK".equals(decision) ? "SEND_BACK" : "PASS", Pages.text(reason))), Done.REVIEWED);
    }

    @POST
    @Path("viec/{id}/ky")
    public Response sign(@PathParam("id") String id) {
        return act(id, () -> routing.sign(id), Done.SIGNED);
    }

    /** A decision's outcome as routing names it: a rejection only when chosen. */
    private static String decision(String outcome) {
        return "REJECTED".equals(outcome) ? "REJECTED" : "APPROVED";
    }

    @POST
    @Path("viec/{id}/nhan")
    public Response claim(@PathParam("id") String id) {
        return act(id, () -> routing.claim(id), Done.CLAIMED);
    }

    @POST
    @Path("viec/{id}/hoan-thanh")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("id") String id, @RestForm String outcome, @RestForm String note) {
        return act(id, () -> routing.complete(id, new RoutingClient.Decision(decision(outcome), Pages.text(note))),
                Done.COMPLETED);
    }

    @POST
    @Path("viec/{id}/bo-sung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response supplement(@PathParam("id") String id, @RestForm String items, @RestForm String note) {
        List<RoutingClient.Item> asked = Pages.lines(items).stream().map(n -> new RoutingClient.Item(n, null, null, null)).toList();
        return act(id, () -> routing.requestSupplement(id, new RoutingClient.Supplement(asked, Pages.text(note))),
                Done.AGENCY_SUPPLEMENT);
    }

    @POST
    @Path("viec/{id}/nghia-vu")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response obligation(@PathParam("id") String id, @RestForm Long amountVnd, @RestForm String description,
                               @RestForm String payBy) {
        return act(id, () -> routing.requestObligation(id, new RoutingClient.Obligation(amountVnd, Pages.text(description),
                Pages.text(payBy) == null ? null : LocalDate.parse(payBy))), Done.OBLIGATION);
    }

    @POST
    @Path("viec/{id}/gia-han")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") String id, @RestForm String newDueAt, @RestForm String reason,
                           @RestForm String apologyRef, @RestForm String signedBy, @RestForm String signerTitle) {
        RoutingClient.Task task = routing.task(id);
        return act(id, () -> routing.extend(task.dossierCode(), new RoutingClient.Extension(
                        Pages.text(newDueAt) == null ? null : LocalDateTime.parse(newDueAt).atOffset(Formats.VIETNAM),
                        Pages.text(reason), Pages.text(apologyRef), Pages.text(signedBy), Pages.text(signerTitle))),
                Done.EXTENDED);
    }

    @POST
    @Path("viec/{id}/dung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@PathParam("id") String id, @RestForm String reason) {
        return act(id, () -> routing.stop(id, new RoutingClient.Stop(Pages.text(reason))),
                Done.STOPPED);
    }

    @POST
    @Path("viec/{id}/chuyen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("id") String id, @RestForm String toAgency, @RestForm String reason) {
        try {
            routing.transfer(id, new RoutingClient.Transfer(Pages.text(toAgency), null, Pages.text(reason)));
            return Pages.seeOther(Done.TRANSFERRED.on("/xu-ly"));
        } catch (ServiceException e) {
            return failedOn(id, e);
        }
    }

    @GET
    @Path("ho-so/{code}/{form}.pdf")
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public Response form(@PathParam("code") String code, @PathParam("form") String form) {
        return Pages.form(FORMS, form, code, kind -> routing.form(code, kind));
    }

    private Response act(String id, Runnable action, Done done) {
        return Pages.act(action, () -> task(id, null), done.on("/xu-ly/viec/" + id));
    }

    private Response failedOn(String id, ServiceException e) {
        if (e.status() == 404) {
            throw e;
        }
        return Pages.failed(task(id, null), e);
    }
}
