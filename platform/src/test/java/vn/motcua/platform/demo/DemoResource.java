package vn.motcua.platform.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.ProblemException;

import java.util.UUID;

@Path("/demo/items")
public class DemoResource {
    public record NewItem(@NotBlank String name, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    public record Created(UUID id) {
    }

    private final DemoService service;
    private final vn.motcua.platform.audit.AccessLog access;

    public DemoResource(DemoService service, vn.motcua.platform.audit.AccessLog access) {
        this.service = service;
        this.access = access;
    }

    @POST
    public Response create(@HeaderParam("Idempotency-Key") String key, @Valid @NotNull NewItem item) {
        IdempotencyKeys.Outcome<Created> outcome = service.createOnce(key, item);
        return Response.status(outcome.status()).entity(outcome.body())
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }

    @GET
    @Path("/{id}")
    public DemoItem get(@PathParam("id") UUID id) {
        DemoItem item = DemoItem.findById(id);
        if (item == null) {
            throw ProblemException.notFound("Không có mục " + id + ".");
        }
        return item;
    }

    /** One property: Jackson's creator for it once turned a duplicate key into a 500. */
    public record Note(String text) {
    }

    @POST
    @Path("/notes")
    public Response note(Note note) {
        return Response.noContent().build();
    }

    /** A lookup by a text the client chose, straight to PostgreSQL. */
    @GET
    @Path("/named/{name}")
    public long named(@PathParam("name") String name) {
        return DemoItem.count("name", name);
    }

    /** Counts executions of {@link #slow}: a request refused for overload must never have run. */
    public static final java.util.concurrent.atomic.AtomicInteger SLOW_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    /** Holds a worker thread for {@code ms} milliseconds (the overload tests). */
    @GET
    @Path("/slow/{ms}")
    public String slow(@PathParam("ms") long ms) throws InterruptedException {
        SLOW_RUNS.incrementAndGet();
        Thread.sleep(Math.min(ms, 5_000));
        return "done";
    }

    @GET
    @Path("/admin-only")
    @jakarta.annotation.security.RolesAllowed("admin")
    public String adminOnly() {
        return "ok";
    }

    /** Who the caller is, as the services read it: name, roles and a claim of the token. */
    @GET
    @Path("/whoami")
    @io.quarkus.security.Authenticated
    public String whoami(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        var jwt = (org.eclipse.microprofile.jwt.JsonWebToken) security.getUserPrincipal();
        return security.getUserPrincipal().getName() + " " + new java.util.TreeSet<>(jwt.getGroups()) + " "
                + jwt.getClaim("unit") + " admin=" + security.isUserInRole("admin");
    }

    @GET
    @Path("/broken")
    public String broken() {
        throw new IllegalStateException("a bug");
    }

    /** A setting an administrator changes, recorded in the audit log; quantity 0 is refused after the write. */
    public record Setting(String value, int quantity) {
    }

    @jakarta.ws.rs.PUT
    @Path("/settings/{name}")
    @jakarta.annotation.security.RolesAllowed("admin")
    @vn.motcua.platform.audit.Audited("demo.setting.set")
    public Setting setting(@PathParam("name") String name, Setting setting) {
        service.create(name, "setting " + setting.value(), 1, setting.quantity() == 0);
        return setting;
    }

    /** Shows an item's personal data to an officer: the read is recorded in the access log. */
    @GET
    @Path("/personal/{key}")
    @io.quarkus.security.Authenticated
    public String personal(@PathParam("key") String key) {
        access.record("GET /demo/items/personal/{key}", key);
        return key;
    }
}
