package vn.motcua.intake.api;

import vn.motcua.platform.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.identity.SecurityIdentity;
import vn.motcua.intake.config.IntakeConfig;
import vn.motcua.intake.domain.OfficeRecord;
import vn.motcua.intake.domain.UnitHours;
import vn.motcua.intake.domain.Offices;
import vn.motcua.platform.api.Page;

/** Bộ phận Một cửa (one-stop units): officers read, administrators create and change; changes go out on the catalogue topic. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {
    private final OfficeEndpoints endpoints;
    private final Offices offices;
    private final IntakeConfig config;
    private final SecurityIdentity identity;

    public UnitResource(Offices offices, IntakeConfig config, SecurityIdentity identity) {
        this.endpoints = new OfficeEndpoints(offices, Offices.Kind.UNIT, "/api/units");
        this.offices = offices;
        this.config = config;
        this.identity = identity;
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
    @Audited("unit.create")
    public Response create(OfficeRecord body) {
        return endpoints.create(body);
    }

    /** Creates (201) or replaces (200) the whole record. */
    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("unit.update")
    public Response put(@PathParam("code") String code, OfficeRecord body) {
        return endpoints.put(code, body);
    }

    /**
     * The unit's reception hours per weekday and its cut-off ({@code own}: false when it keeps the deployment's office
     * hours), with the cut-off in force and a sentence for the receipt and the guidance pages.
     */
    @GET
    @Path("/{code}/office-hours")
    @RolesAllowed({"admin", "supervisor", "counter-officer", "agency-officer"})
    public Offices.HoursView officeHours(@PathParam("code") String code) {
        return offices.hours(code, config.cutoff());
    }

    /**
     * Sets the unit's reception hours: {@code {"days": [{"day": "MONDAY", "sessions": [{"opens": "07:30",
     * "closes": "11:30"}, …]}, …, {"day": "SATURDAY", …}], "cutoff": "15:00"}}. Monday to Friday are required;
     * Saturday and Sunday are optional, reception only (their dossiers count from the next working day); a blank
     * cut-off keeps the deployment's.
     */
    @PUT
    @Path("/{code}/office-hours")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("unit.office-hours.set")
    public Offices.HoursView setOfficeHours(@PathParam("code") String code, UnitHours.Json body) {
        return offices.setHours(code, body, identity.getPrincipal().getName(), config.cutoff());
    }

    /** Puts the unit back on the deployment's office hours and cut-off ({@code own} becomes false). */
    @DELETE
    @Path("/{code}/office-hours")
    @RolesAllowed("admin")
    @Audited("unit.office-hours.clear")
    public Offices.HoursView clearOfficeHours(@PathParam("code") String code) {
        return offices.clearHours(code, identity.getPrincipal().getName(), config.cutoff());
    }
}
