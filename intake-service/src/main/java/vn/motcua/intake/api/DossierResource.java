package vn.motcua.intake.api;

import vn.motcua.platform.audit.AccessLog;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.motcua.intake.domain.Dossier;
import vn.motcua.intake.domain.DossierActions;
import vn.motcua.intake.domain.DossierSearch;
import vn.motcua.intake.domain.ProcedureVersion;
import vn.motcua.intake.domain.Reception;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.dossier.Role;
import vn.motcua.shared.events.ReceptionChannel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Path("/api/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {
    /** The longest text query of the list: a name, a code, a number, with room to spare. */
    static final int MAX_QUERY = 100;
    private final Reception reception;
    private final DossierActions actions;
    private final DossierSearch search;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    private final AccessLog access;

    public DossierResource(Reception reception, DossierActions actions, DossierSearch search, JsonWebToken token,
                           SecurityIdentity identity, AccessLog access) {
        this.access = access;
        this.reception = reception;
        this.actions = actions;
        this.search = search;
        this.token = token;
        this.identity = identity;
    }

    /** Tiếp nhận hồ sơ. The unit is the officer's ({@code unit} claim), never the body's. */
    @POST
    @RolesAllowed("counter-officer")
    public Response receive(@HeaderParam("Idempotency-Key") String idempotencyKey,
                            @Valid @NotNull ReceptionRequest request, @Context UriInfo uri) {
        IdempotencyKeys.Outcome<Receipt> outcome = reception.receiveOnce(idempotencyKey, request, officer());
        return Response.status(outcome.status())
                .location(uri.getAbsolutePathBuilder().path(outcome.body().code()).build())
                .header("Idempotent-Replayed", outcome.replayed())
                .entity(outcome.body()).build();
    }

    /**
     * The officers' list of dossiers, newest first. Counter officers see their own unit's; supervisors and
     * administrators all, or one unit's with {@code unit}. Filters: {@code status} (a state name),
     * {@code procedure}, {@code channel}, {@code from}/{@code to} (days the dossiers entered, inclusive), {@code q}
     * (words that the code, the applicant's name, identity number or phone all contain; case and diacritics
     * ignored: "nguyen van" finds "Nguyễn Văn An"; at most {@value #MAX_QUERY} characters).
     */
    @GET
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public Page<DossierSearch.Row> list(@QueryParam("status") String status, @QueryParam("procedure") String procedure,
                                        @QueryParam("channel") String channel, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("unit") String unit,
                                        @QueryParam("q") String q,
                                        @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Page.Request paging = Page.Request.of(page, size, errors);
        DossierState state = parse("status", status, DossierState::valueOf, errors);
        ReceptionChannel byChannel = parse("channel", channel, ReceptionChannel::valueOf, errors);
        LocalDate fromDay = parse("from", from, LocalDate::parse, errors);
        LocalDate toDay = parse("to", to, LocalDate::parse, errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(new Problem.FieldError("to", "phải không sớm hơn from"));
        }
        if (q != null && q.length() > MAX_QUERY) {
            errors.add(new Problem.FieldError("q", "tối đa " + MAX_QUERY + " ký tự"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String scope = isCounterOnly() ? officer().unitCode() : blankToNull(unit);
        Page<DossierSearch.Row> found = search.search(new DossierSearch.Filter(scope, state, blankToNull(procedure),
                byChannel == null ? null : byChannel.name(), fromDay, toDay, null, q), paging);
        access.recordRequest(found.items().stream().map(DossierSearch.Row::code).toList());
        return found;
    }

    /**
     * One dossier as intake holds it. Counter officers see their own unit's dossiers; another unit's
     * dossier answers 404, as if it did not exist. Supervisors and administrators see all.
     */
    @GET
    @Path("/{code}")
    @RolesAllowed({"counter-officer", "supervisor", "admin"})
    public DossierView get(@PathParam("code") String code) {
        Dossier dossier = Dossier.byCode(code)
                .filter(d -> !isCounterOnly() || d.unitCode.equals(token.getClaim("unit")))
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy hồ sơ " + code + "."));
        access.recordRequest(dossier.code);
        return view(dossier);
    }

    /** Tiếp nhận an online submission after the check; the appointment is set now. */
    @POST
    @Path("/{code}/accept")
    @RolesAllowed("counter-officer")
    public DossierView accept(@PathParam("code") String code) {
        return view(actions.accept(code, actor(), officer().fullName()));
    }

    /** Từ chối tiếp nhận (Form 03), with every reason. */
    @POST
    @Path("/{code}/refuse")
    @RolesAllowed("counter-officer")
    public DossierView refuse(@PathParam("code") String code, @Valid @NotNull ActionRequests.Refusal body) {
        return view(actions.refuse(code, body.reasons().stream().map(String::strip).toList(), actor()));
    }

    /** Yêu cầu bổ sung, hoàn thiện (Form 02) at the check of a submission. */
    @POST
    @Path("/{code}/supplement-request")
    @RolesAllowed("counter-officer")
    public DossierView requestSupplement(@PathParam("code") String code,
                                         @Valid @NotNull ActionRequests.SupplementAsked body) {
        actions.requestSupplement(code, body.reason().strip(), ActionRequests.Item.toEvents(body.items()),
                body.supplyBy(), actor());
        return get(code);
    }

    /** The applicant supplied what was asked, at the counter. */
    @POST
    @Path("/{code}/supplements")
    @RolesAllowed("counter-officer")
    public DossierView supply(@PathParam("code") String code, @Valid @NotNull ActionRequests.SupplementGiven body) {
        actions.supply(code, ActionRequests.Item.toEvents(body.items()), body.note(), actor());
        return get(code);
    }

    /** Công dân xin rút hồ sơ, recorded at the counter. */
    @POST
    @Path("/{code}/withdraw")
    @RolesAllowed("counter-officer")
    public DossierView withdraw(@PathParam("code") String code, @Valid ActionRequests.Withdrawal body) {
        return view(actions.withdraw(code, body == null ? null : blankToNull(body.reason()), actor()));
    }

    static DossierView view(Dossier dossier) {
        return DossierView.of(dossier, ProcedureVersion.findById(
                new ProcedureVersion.Key(dossier.procedureCode, dossier.procedureVersion)));
    }

    static <T> T parse(String field, String value, java.util.function.Function<String, T> parser,
                       List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            errors.add(new Problem.FieldError(field, "giá trị không hợp lệ: " + value));
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private boolean isCounterOnly() {
        return !identity.hasRole("supervisor") && !identity.hasRole("admin");
    }

    private DossierActions.Actor actor() {
        return new DossierActions.Actor(identity.getPrincipal().getName(), Role.COUNTER_OFFICER, officer().unitCode(), null);
    }

    private Reception.Officer officer() {
        String unit = token.getClaim("unit");
        if (unit == null || unit.isBlank()) {
            throw new ProblemException(Problem.of("no-unit", "Tài khoản chưa được gán đơn vị một cửa", 403,
                    "Tài khoản cán bộ một cửa phải có thuộc tính unit (mã định danh đơn vị)."));
        }
        return new Reception.Officer(identity.getPrincipal().getName(), fullName(), unit);
    }

    /**
     * The officer's full name from the token, in Vietnamese order (family name first: "Nguyễn Thị Lan", where the
     * realm's {@code name} claim reads "Lan Nguyễn Thị"); the login when the token has no name.
     */
    private String fullName() {
        String family = token.getClaim("family_name");
        String given = token.getClaim("given_name");
        if (family != null && !family.isBlank() && given != null && !given.isBlank()) {
            return family.strip() + " " + given.strip();
        }
        String name = token.getClaim("name");
        return name == null || name.isBlank() ? identity.getPrincipal().getName() : name.strip();
    }
}
