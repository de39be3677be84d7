package vn.motcua.intake.api;

import vn.motcua.platform.audit.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import vn.motcua.intake.domain.CatalogueAnnouncement;
import vn.motcua.intake.domain.CatalogueExport;
import vn.motcua.intake.domain.CatalogueTransfer;

/** The whole catalogue as one JSON document: export, and an all-or-nothing, idempotent import. */
@Path("/api/catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {
    private final CatalogueTransfer transfer;
    private final CatalogueAnnouncement announcement;
    private final SecurityIdentity identity;

    public CatalogueResource(CatalogueTransfer transfer, CatalogueAnnouncement announcement, SecurityIdentity identity) {
        this.transfer = transfer;
        this.announcement = announcement;
        this.identity = identity;
    }

    /** What an announcement sent. */
    public record Announced(int items) {
    }

    /**
     * Announces the whole catalogue again on {@code motcua.catalog.events} (e.g. after a new service
     * joined, or a service's local copy was lost); consumers upsert, so nothing changes twice.
     */
    @POST
    @Path("/announce")
    @RolesAllowed("admin")
    @Transactional
    @Audited("catalogue.announce")
    public Announced announce() {
        return new Announced(announcement.announceAll());
    }

    @GET
    @Path("/export")
    @RolesAllowed({"admin", "supervisor"})
    public CatalogueExport export() {
        return transfer.export();
    }

    /** Answers what was created, updated and left unchanged; publishes only what changed. */
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Audited("catalogue.import")
    public CatalogueExport.Report importAll(CatalogueExport document) {
        return transfer.importAll(ProcedureResource.required(document), identity.getPrincipal().getName());
    }
}
