package vn.motcua.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.motcua.console.view.Officer;

/** The officers' entry: {@code /} sends each officer to the first page of their work. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    private final Officer officer;

    public HomeResource(Officer officer) {
        this.officer = officer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance noRole();

        static native TemplateInstance signedOut();
    }

    @GET
    public Response home() {
        String home = officer.home();
        return home == null ? Response.status(403).entity(Templates.noRole()).build() : Pages.seeOther(home);
    }

    @GET
    @Path("da-dang-xuat")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
