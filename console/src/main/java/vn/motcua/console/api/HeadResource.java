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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The agency head's page (trưởng cơ quan, issue 24): the agency's workload per officer, assigning a task, moving an
 * absent officer's tasks to another, and delegations. Routing decides on the officer's token: only the head (or a
 * delegate for assigning) may act, only the own agency appears, and its 403 is shown as a sentence.
 */
@Path("/xu-ly/lanh-dao")
@Produces(MediaType.TEXT_HTML)
public class HeadResource {
    static final String HOME = "/xu-ly/lanh-dao";

    private final RoutingClient routing;

    public HeadResource(@RestClient RoutingClient routing) {
        this.routing = routing;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance head(RoutingClient.Workload workload, List<RoutingClient.Task> tasks,
                                            List<RoutingClient.Delegation> delegations, Reassign reassign, Grant grant,
                                            String code);
    }

    /** What was typed in the bulk reassignment, kept when it is refused. */
    record Reassign(String from, String to) {
        static final Reassign BLANK = new Reassign("", "");

        /** The console's own refusal, before routing is asked: both named, and not the same officer. */
        String refusal() {
            if (from.isEmpty() || to.isEmpty()) {
                return "Hãy chọn cán bộ vắng mặt và cán bộ nhận thay.";
            }
            return from.equals(to) ? "Cán bộ nhận thay phải khác cán bộ vắng mặt." : null;
        }
    }

    /** What was typed in a delegation, kept when it is refused. */
    record Grant(String delegate, String from, String to, String scope, String reason, String signAs) {
        static final Grant BLANK = new Grant("", "", "", "SIGN", "", "KT");

        /** The request routing takes, or null with {@link #refusal()} saying why not. */
        RoutingClient.Grant request() {
            try {
                return new RoutingClient.Grant(Pages.text(delegate), LocalDate.parse(from), LocalDate.parse(to),
                        "ASSIGN".equals(scope) ? "ASSIGN" : "SIGN", Pages.text(reason),
                        "ASSIGN".equals(scope) ? null : signAs(signAs));
            } catch (DateTimeParseException | NullPointerException e) {
                return null;
            }
        }

        String refusal() {
            RoutingClient.Grant request = request();
            if (request == null || request.delegate() == null || request.reason() == null) {
                return "Hãy nhập người được ủy quyền, thời hạn (từ ngày, đến ngày) và lý do ủy quyền.";
            }
            return request.to().isBefore(request.from()) ? "Ngày kết thúc ủy quyền không được trước ngày bắt đầu." : null;
        }

        private static String signAs(String mark) {
            return List.of("KT", "TL", "TUQ").contains(mark) ? mark : "KT";
        }
    }

    @GET
    public TemplateInstance head(@QueryParam("xong") String done, @QueryParam("ma") String code) {
        return Done.shown(page(Reassign.BLANK, Grant.BLANK, blank(code)), done);
    }

    @POST
    @Path("giao/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") String id, @RestForm String officer) {
        String to = Pages.text(officer);
        if (to == null) {
            return Pages.refused(page(Reassign.BLANK, Grant.BLANK), "Hãy chọn cán bộ được giao xử lý.");
        }
        return Pages.act(() -> routing.assign(id, new RoutingClient.Assign(to)), () -> page(Reassign.BLANK, Grant.BLANK),
                Done.ASSIGNED.on(HOME));
    }

    @POST
    @Path("chuyen-tat-ca")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassignAll(@RestForm String from, @RestForm String to) {
        Reassign typed = new Reassign(blank(from), blank(to));
        String refusal = typed.refusal();
        if (refusal != null) {
            return Pages.refused(page(typed, Grant.BLANK), refusal);
        }
        return Pages.act(() -> routing.bulkReassign(new RoutingClient.BulkReassign(typed.from(), typed.to())),
                () -> page(typed, Grant.BLANK), Done.REASSIGNED.on(HOME));
    }

    @POST
    @Path("uy-quyen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@RestForm String delegate, @RestForm String from, @RestForm String to,
                          @RestForm String scope, @RestForm String reason, @RestForm String signAs) {
        Grant typed = new Grant(blank(delegate), blank(from), blank(to), blank(scope), blank(reason), blank(signAs));
        String refusal = typed.refusal();
        if (refusal != null) {
            return Pages.refused(page(Reassign.BLANK, typed), refusal);
        }
        return Pages.act(() -> routing.grant(typed.request()), () -> page(Reassign.BLANK, typed),
                Done.DELEGATED.on(HOME));
    }

    @POST
    @Path("uy-quyen/{id}/ket-thuc")
    public Response revoke(@PathParam("id") String id) {
        return Pages.act(() -> routing.revoke(id), () -> page(Reassign.BLANK, Grant.BLANK), Done.DELEGATION_ENDED.on(HOME));
    }

    /**
     * The head's page. The workload is the head's alone (routing answers 403 to anyone else): an officer who opens
     * this address reads routing's refusal as the error page's sentence, nothing of the agency's loads.
     */
    private TemplateInstance page(Reassign reassign, Grant grant) {
        return page(reassign, grant, "");
    }

    /**
     * The page with the agency's first open tasks, or those of one dossier code ({@code ma}): a busy agency has more
     * open tasks than one page, and the head looks a dossier up by the code its applicant or officer quotes.
     */
    private TemplateInstance page(Reassign reassign, Grant grant, String code) {
        RoutingClient.Workload workload = routing.workload();
        List<RoutingClient.Task> tasks = routing.tasks(null, code.isEmpty() ? null : code, 0, AgencyResource.PAGE_SIZE)
                .items();
        ListPage<RoutingClient.Delegation> delegations = routing.delegations(0, 50);
        return Templates.head(workload, tasks, delegations.items(), reassign, grant, code);
    }

    private static String blank(String value) {
        String text = Pages.text(value);
        return text == null ? "" : text;
    }
}
