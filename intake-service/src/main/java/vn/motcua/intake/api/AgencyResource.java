package vn.motcua.intake.api;

import vn.motcua.platform.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.motcua.intake.domain.OfficeRecord;
import vn.motcua.intake.domain.Offices;
import vn.motcua.platform.api.Page;

/** Cơ quan có thẩm quyền (agencies): officers read, administrators create and change; changes go out on the catalogue topic. */
@Path("/api/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {
    private final OfficeEndpoints endpoints;

    public AgencyResource(Offices offices) {
        this.endpoints = new OfficeEndpoints(offices, Offices.Kind.AGENCY, "/api/agencies");
    }

    @GET
    @RolesAllowed({"admin", "supervisor", "counter-officer", "agency-officer"})
    public Page<OfficeRecord> list(@QueryParam("q") String q, @QueryParam("level") String level,
                                   @QueryParam("active") String active, @QueryParam("parent") String parent,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        return endpoints.list(q, level, active, parent, page, size);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"admin", "supervisor", "counter-officer", "agency-officer"})
    public OfficeRecord get(@PathParam("code") String code) {
        return endpoints.get(code);
    }

    /** Creates; 409 if the code is taken. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("agency.create")
    public Response create(OfficeRecord body) {
        return endpoints.create(body);
    }

    /** Creates (201) or replaces (200) the whole record. */
    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("agency.update")
    public Response put(@PathParam("code") String code, OfficeRecord body) {
        return endpoints.put(code, body);
    }
}
