package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.client.ListPage;
import vn.motcua.console.client.ResultClient;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.Formats;
import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.text.SearchText;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The counter officer's screens: the unit's day, the procedure search, reception with the checklist and the
 * receipt, the check of online submissions (accept, Form 02, Form 03), the dossier search and the return of
 * results. intake and result decide what the officer's unit may see; the console only shows it.
 */
@Path("/quay")
@Produces(MediaType.TEXT_HTML)
public class CounterResource {
    /** The forms a dossier's page offers as PDF, by the console's file name. */
    static final Map<String, String> FORMS = Map.of(
            "giay-tiep-nhan", "receipt", "phieu-bo-sung", "supplement-request", "phieu-tu-choi", "refusal");

    private final IntakeClient intake;
    private final ResultClient result;
    private final ReceiptCookie receipts;

    public CounterResource(@RestClient IntakeClient intake, @RestClient ResultClient result, ReceiptCookie receipts) {
        this.intake = intake;
        this.result = result;
        this.receipts = receipts;
    }

    /** Today's counts of the unit: received by channel and waiting. */
    public record Tally(long received, long counter, long online, long postal, long submitted, long ready) {
    }

    /** One line of the checklist as the form shows it. */
    public record ChecklistLine(int index, IntakeClient.Document document, boolean ticked, String form, int copies) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(Tally tally, List<IntakeClient.DossierRow> latest);

        static native TemplateInstance procedures(String q, List<IntakeClient.Procedure> found);

        static native TemplateInstance reception(IntakeClient.Procedure procedure, List<ChecklistLine> checklist,
                                                 IntakeClient.Applicant applicant, String channel, String returnChannel,
                                                 String returnAddress, int sets, String key);

        static native TemplateInstance received(IntakeClient.Dossier dossier, String pin);

        static native TemplateInstance dossiers(String q, String status, List<IntakeClient.DossierRow> found, long total);

        static native TemplateInstance dossier(IntakeClient.Dossier dossier);

        static native TemplateInstance submissions(List<IntakeClient.DossierRow> waiting, long total);

        static native TemplateInstance results(List<ResultClient.Ready> ready, long total);
    }

    @GET
    public TemplateInstance today() {
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        ListPage<IntakeClient.DossierRow> all = intake.dossiers(null, null, today, today, 0, 10);
        Tally tally = new Tally(all.total(),
                intake.dossiers(null, "COUNTER", today, today, 0, 1).total(),
                intake.dossiers(null, "ONLINE", today, today, 0, 1).total(),
                intake.dossiers(null, "POSTAL", today, today, 0, 1).total(),
                intake.dossiers("SUBMITTED", null, null, null, 0, 1).total(),
                result.ready(0, 1).total());
        return Templates.today(tally, all.items());
    }

    /** Procedures whose code or name contains every word typed, without regard to case or diacritics. */
    @GET
    @Path("thu-tuc")
    public TemplateInstance procedures(@QueryParam("q") String q) {
        List<IntakeClient.Procedure> found = intake.procedures(null, 500).items().stream()
                .filter(p -> SearchText.matches(q, p.code() + " " + p.name()))
                .toList();
        return Templates.procedures(q == null ? "" : q, found);
    }


    @GET
    @Path("tiep-nhan")
    public TemplateInstance receptionForm(@QueryParam("thu-tuc") String code) {
        IntakeClient.Procedure procedure = procedure(code);
        List<ChecklistLine> checklist = new ArrayList<>();
        List<IntakeClient.Document> documents = procedure.documents() == null ? List.of() : procedure.documents();
        for (int i = 0; i < documents.size(); i++) {
            IntakeClient.Document d = documents.get(i);
            checklist.add(new ChecklistLine(i, d, false, d.form(), d.copies() == null ? 1 : d.copies()));
        }
        return Templates.reception(procedure, checklist, new IntakeClient.Applicant("", "", "", "", ""), "COUNTER",
                "COUNTER", "", 1, UUID.randomUUID().toString());
    }

    /**
     * Receives the dossier, then sends the browser to the receipt page (post, redirect, get); the PIN, shown once,
     * goes there in a sealed cookie (the console keeps nothing), so a reload neither receives twice nor loses it.
     */
    @POST
    @Path("tiep-nhan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receive(@QueryParam("thu-tuc") String code) {
        MultivaluedMap<String, String> form = PostedForm.fields();
        IntakeClient.Procedure procedure = procedure(code);
        List<IntakeClient.Document> documents = procedure.documents() == null ? List.of() : procedure.documents();
        List<ChecklistLine> checklist = new ArrayList<>();
        List<IntakeClient.Document> handedIn = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            IntakeClient.Document d = documents.get(i);
            boolean ticked = form.containsKey("doc-" + i);
            String kind = form.getFirst("form-" + i);
            int copies = number(form.getFirst("copies-" + i), 1);
            checklist.add(new ChecklistLine(i, d, ticked, kind, copies));
            if (ticked) {
                handedIn.add(new IntakeClient.Document(d.name(), kind, copies, null));
            }
        }
        IntakeClient.Applicant applicant = new IntakeClient.Applicant(field(form, "fullName"), field(form, "idNumber"),
                field(form, "phone"), field(form, "email"), field(form, "address"));
        String channel = "POSTAL".equals(form.getFirst("channel")) ? "POSTAL" : "COUNTER";
        String returnChannel = "POST".equals(form.getFirst("returnChannel")) ? "POST" : "COUNTER";
        String returnAddress = field(form, "returnAddress");
        int sets = number(form.getFirst("sets"), 1);
        try {
            IntakeClient.Receipt receipt = intake.receive(form.getFirst("key"), new IntakeClient.Reception(procedure.code(),
                    channel, applicant, handedIn, returnChannel, "POST".equals(returnChannel) ? Pages.text(returnAddress) : null,
                    sets));
            return Response.seeOther(URI.create("/quay/da-tiep-nhan/" + receipt.code()))
                    .cookie(receipts.remember(receipt)).build();
        } catch (ServiceException e) {
            return Pages.failed(Templates.reception(procedure, checklist, applicant, channel, returnChannel, returnAddress,
                    sets, form.getFirst("key")), e);
        }
    }

    /** The receipt of a dossier just received: Form 01 to print, and the PIN while its sealed cookie lasts. */
    @GET
    @Path("da-tiep-nhan/{code}")
    public TemplateInstance received(@PathParam("code") String code,
                                     @CookieParam(ReceiptCookie.NAME) String sealed) {
        IntakeClient.Dossier dossier = intake.dossier(code);
        return Templates.received(dossier, receipts.pin(sealed, code).orElse(null));
    }

    /**
     * Form 01 of a dossier just received, with its PIN and the QR code of the citizens' page with code and PIN (intake
     * prints the PIN it is given back, checked against the dossier): under the receipt page's path, so the sealed cookie
     * comes along while it lasts; after that it prints as a reprint does, without the PIN.
     */
    @GET
    @Path("da-tiep-nhan/{code}/giay-tiep-nhan.pdf")
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public Response receipt(@PathParam("code") String code, @CookieParam(ReceiptCookie.NAME) String sealed) {
        String pin = receipts.pin(sealed, code).orElse(null);
        return Pages.pdf(() -> intake.receipt(code, pin), "giay-tiep-nhan-" + code + ".pdf");
    }

    /** Dossiers of the officer's unit by code, applicant name, identity number or phone (intake searches). */
    @GET
    @Path("ho-so")
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("status") String status) {
        ListPage<IntakeClient.DossierRow> page = intake.search(Pages.text(q), Pages.text(status), 0, 100);
        return Templates.dossiers(q == null ? "" : q.trim(), status, page.items(), page.total());
    }

    @GET
    @Path("ho-so/{code}")
    public TemplateInstance dossier(@PathParam("code") String code, @QueryParam("xong") String done) {
        return Done.shown(Templates.dossier(intake.dossier(code)), done);
    }

    @GET
    @Path("ho-so/{code}/{form}.pdf")
    @Produces({"application/pdf", MediaType.TEXT_HTML})
    public Response form(@PathParam("code") String code, @PathParam("form") String form) {
        return Pages.form(FORMS, form, code, kind -> intake.form(code, kind));
    }

    @GET
    @Path("truc-tuyen")
    public TemplateInstance submissions() {
        ListPage<IntakeClient.DossierRow> waiting = intake.dossiers("SUBMITTED", null, null, null, 0, 100);
        return Templates.submissions(waiting.items(), waiting.total());
    }

    @POST
    @Path("ho-so/{code}/tiep-nhan")
    public Response accept(@PathParam("code") String code) {
        return act(code, () -> intake.accept(code), Done.ACCEPTED);
    }

    @POST
    @Path("ho-so/{code}/bo-sung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestSupplement(@PathParam("code") String code, @RestForm String reason, @RestForm String items,
                                      @RestForm String supplyBy) {
        List<IntakeClient.SupplementItem> asked = Pages.lines(items).stream()
                .map(name -> new IntakeClient.SupplementItem(name, null, null, null)).toList();
        return act(code, () -> intake.requestSupplement(code, new IntakeClient.SupplementRequest(Pages.text(reason), asked,
                Pages.text(supplyBy) == null ? null : LocalDate.parse(supplyBy))), Done.SUPPLEMENT_ASKED);
    }

    @POST
    @Path("ho-so/{code}/tu-choi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuse(@PathParam("code") String code, @RestForm String reasons) {
        return act(code, () -> intake.refuse(code, new IntakeClient.Refusal(Pages.lines(reasons))), Done.REFUSED);
    }

    @GET
    @Path("tra-ket-qua")
    public TemplateInstance results(@QueryParam("xong") String done, @QueryParam("ma") String code) {
        ListPage<ResultClient.Ready> ready = result.ready(0, 100);
        TemplateInstance page = Templates.results(ready.items(), ready.total());
        if (Done.RETURNED.key.equals(done) && code != null && DossierCode.isValid(code)) {
            return page.data("info", "Đã trả kết quả hồ sơ " + code + ".");
        }
        return Done.shown(page, done);
    }

    @POST
    @Path("tra-ket-qua/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response handBack(@PathParam("code") String code, @RestForm String channel, @RestForm String receivedBy) {
        try {
            // one field: who took the result at the counter, the tracking number of a postal return
            String who = Pages.text(receivedBy);
            boolean byPost = "POST".equals(channel);
            result.hand(code, new ResultClient.Return(byPost ? "POST" : "COUNTER", byPost ? null : who, byPost ? who : null));
            return Pages.seeOther(Done.RETURNED.on("/quay/tra-ket-qua?ma=" + code));
        } catch (ServiceException e) {
            ListPage<ResultClient.Ready> ready = result.ready(0, 100);
            return Pages.failed(Templates.results(ready.items(), ready.total()), e);
        }
    }

    private Response act(String code, Runnable action, Done done) {
        return Pages.act(action, () -> Templates.dossier(intake.dossier(code)), done.on("/quay/ho-so/" + code));
    }

    private IntakeClient.Procedure procedure(String code) {
        return intake.procedures(null, 500).items().stream()
                .filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new ServiceException(404, null, null, null));
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.trim();
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
