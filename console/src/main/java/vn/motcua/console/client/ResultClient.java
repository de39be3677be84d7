package vn.motcua.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** result-service (8083) for officers, with their token. */
@RegisterRestClient(configKey = "result")
@RegisterProvider(ServiceErrors.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ResultClient extends AuditApi {

    record Ready(String code, String procedureCode, String procedureName, String applicantName, OffsetDateTime receivedAt,
                 OffsetDateTime appointmentAt, OffsetDateTime processedAt, String outcome, String leadAgency,
                 boolean onTime) {
    }

    record Received(long online, long counter, long postal, long carriedOver, long total) {
    }

    record Resolved(long early, long onTime, long late, long total) {
    }

    record InProgress(long withinDeadline, long overdue, long total) {
    }

    record Satisfaction(long ratings, long verySatisfied, long satisfied, long neutral, long dissatisfied,
                        BigDecimal satisfiedPercent) {
    }

    record Counts(Received received, Resolved resolved, InProgress inProgress, long paused, long stopped,
                  long withdrawn, long returned, BigDecimal onlineSharePercent, Satisfaction satisfaction) {
    }

    record AgencyRow(String agency, String agencyName, Counts counts) {
    }

    record ProcedureRow(String procedure, String procedureName, Counts counts) {
    }

    record Report(LocalDate from, LocalDate to, OffsetDateTime asOf, Counts total, List<AgencyRow> agencies,
                  List<ProcedureRow> procedures) {
    }

    record Return(String channel, String receivedBy, String trackingNumber) {
    }

    @GET
    @Path("/api/results/ready")
    ListPage<Ready> ready(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/api/dossiers/{code}/return")
    void hand(@PathParam("code") String code, Return request);

    @GET
    @Path("/api/reports/progress")
    Report progress(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @GET
    @Path("/api/reports/log-book")
    @Produces("*/*")
    byte[] logBook(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @QueryParam("format") String format);
}
