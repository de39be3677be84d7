package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.motcua.console.client.AuditApi;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.client.NotificationClient;
import vn.motcua.console.client.ResultClient;
import vn.motcua.console.client.RoutingClient;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.Formats;
import vn.motcua.console.view.Messages;
import vn.motcua.shared.text.Csv;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Issue 23's screens: who read a dossier's personal data (or what an officer read), across the four services, and
 * each service's audit-chain verdict. The services decide who may see them (the access log: supervisor, admin; the
 * verdict: admin); a service that refuses or does not answer is said as a sentence in its own row.
 */
@Path("/nhat-ky")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {
    static final int PAGE_SIZE = 100;

    /** A service of the system as the pages name it, with its audit API. */
    record Service(String name, AuditApi api) {
    }

    /** A reading of personal data, with the service that logged it. */
    public record Reading(String service, AuditApi.Access access) {
    }

    /** One service's answer: what it said, or the sentence of its refusal. */
    public record Answer<T>(String service, T value, String refusal) {
    }

    private final List<Service> services;

    public AuditResource(@RestClient IntakeClient intake, @RestClient RoutingClient routing,
                         @RestClient ResultClient result, @RestClient NotificationClient notification) {
        this.services = List.of(new Service("Tiếp nhận (intake)", intake), new Service("Luân chuyển, xử lý (routing)", routing),
                new Service("Trả kết quả, tra cứu (result)", result), new Service("Thông báo (notification)", notification));
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accessLog(String dossier, String officer, boolean answered, List<Reading> readings,
                                                 List<Answer<Void>> refusals);

        static native TemplateInstance verify(List<Answer<AuditApi.Verdict>> verdicts);
    }

    /** The access log by dossier ({@code ho-so}) or by officer ({@code can-bo}), newest first, all services merged. */
    @GET
    public TemplateInstance accessLog(@QueryParam("ho-so") String dossier, @QueryParam("can-bo") String officer) {
        String code = Pages.text(dossier);
        String who = code == null ? Pages.text(officer) : null;
        if (code == null && who == null) {
            return Templates.accessLog("", "", false, List.of(), List.of());
        }
        Log log = read(code, who);
        // the table only when a service answered: "nothing logged" is not said on the word of services that refused
        return Templates.accessLog(code == null ? "" : code, who == null ? "" : who, log.answered(), log.readings(),
                log.refusals());
    }

    /**
     * The page's table for the same filter as a CSV download (UTF-8 with a byte-order mark, so that Excel reads the
     * diacritics); without a filter, back to the page.
     */
    @GET
    @Path("tai-ve")
    @Produces("text/csv; charset=UTF-8")
    public Response download(@QueryParam("ho-so") String dossier, @QueryParam("can-bo") String officer) {
        String code = Pages.text(dossier);
        String who = code == null ? Pages.text(officer) : null;
        if (code == null && who == null) {
            return Response.seeOther(URI.create("/nhat-ky")).build();
        }
        String name = "nhat-ky-truy-cap-" + (code != null ? code : who).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        return Response.ok(csv(read(code, who)).getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The merged log: readings newest first, and the services that refused or did not answer. */
    record Log(List<Reading> readings, List<Answer<Void>> refusals, boolean answered) {
    }

    private Log read(String code, String who) {
        List<Reading> readings = new ArrayList<>();
        List<Answer<Void>> refusals = new ArrayList<>();
        for (Answer<List<AuditApi.Access>> answer : ask(s -> s.accessLog(code, who, 0, PAGE_SIZE).items())) {
            if (answer.refusal() != null) {
                refusals.add(new Answer<>(answer.service(), null, answer.refusal()));
            } else {
                answer.value().forEach(a -> readings.add(new Reading(answer.service(), a)));
            }
        }
        readings.sort(Comparator.comparing((Reading r) -> r.access().accessedAt()).reversed());
        return new Log(readings, refusals, refusals.size() < services.size());
    }

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * The page's columns, one line per reading; a service that refused is a line of its own with its sentence in the
     * last column, so a file with gaps says so, as the page does.
     */
    static String csv(Log log) {
        StringBuilder out = Csv.document();
        Csv.line(out, List.of("Thời điểm (giờ Việt Nam)", "Cán bộ", "Mã hồ sơ", "Dịch vụ", "Chức năng đã gọi"));
        for (Reading r : log.readings()) {
            AuditApi.Access a = r.access();
            Csv.line(out, Arrays.asList(
                    a.accessedAt() == null ? "" : a.accessedAt().atZoneSameInstant(Formats.VIETNAM).format(CSV_TIME),
                    a.actor(), a.dossierCode(), r.service(), a.endpoint()));
        }
        for (Answer<Void> refusal : log.refusals()) {
            Csv.line(out, Arrays.asList("", "", "", refusal.service(), "Không đọc được nhật ký: " + refusal.refusal()));
        }
        return out.toString();
    }

    @GET
    @Path("kiem-tra")
    public TemplateInstance verify() {
        return Templates.verify(ask(AuditApi::verifyAudit));
    }

    /** Asks every service, each answer or refusal kept in the services' order. */
    private <T> List<Answer<T>> ask(Function<AuditApi, T> question) {
        List<Answer<T>> answers = new ArrayList<>();
        for (Service s : services) {
            try {
                answers.add(new Answer<>(s.name(), question.apply(s.api()), null));
            } catch (ServiceException e) {
                answers.add(new Answer<>(s.name(), null, Messages.sentence(e)));
            }
        }
        return answers;
    }
}
