package vn.motcua.console.api;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.Messages;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** What every page resource does the same way: answering with a page, a redirect, a PDF, or the sentence of an error. */
final class Pages {
    private Pages() {
    }

    /** A page with the sentence of a service's error above it, and the status the service answered. */
    static Response failed(TemplateInstance page, ServiceException e) {
        return Response.status(e.status() == 0 ? 503 : e.status())
                .entity(page.data("message", Messages.sentence(e))).type("text/html;charset=UTF-8").build();
    }

    /** 400: a form the console refused before asking a service, with the sentence above it and its fields marked. */
    static Response refused(TemplateInstance page, String sentence) {
        return Response.status(400).entity(page.data("message", sentence)).type("text/html;charset=UTF-8").build();
    }

    /** 303 See Other: after a form went through, the browser asks for the page anew (no resubmission on reload). */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** A service's PDF, shown in the browser's viewer (inline) to print. */
    static Response pdf(Supplier<byte[]> fetch, String fileName) {
        return Response.ok(fetch.get(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * Runs an officer's action, then sends the browser to {@code done} (303: a reload shows the page again and never
     * repeats the action); or shows {@code page} with the sentence of the service's refusal, what was typed still in
     * it. A 404 (not the officer's, or gone) becomes the error page: nothing of it is shown.
     */
    static Response act(Runnable action, Supplier<TemplateInstance> page, String done) {
        return actOrShow(action, e -> page.get(), done);
    }

    /** {@link #act}, with the page made from the refusal: a form with the service's field errors beside its inputs. */
    static Response actOrShow(Runnable action, Function<ServiceException, TemplateInstance> page, String done) {
        try {
            action.run();
            return seeOther(done);
        } catch (ServiceException e) {
            if (e.status() == 404) {
                throw e;
            }
            return failed(page.apply(e), e);
        }
    }

    /** A form a service prints, by the console's file name ({@code forms}: file name → the service's path). */
    static Response form(Map<String, String> forms, String name, String code, Function<String, byte[]> fetch) {
        String kind = forms.get(name);
        if (kind == null) {
            throw new NotFoundException();
        }
        return pdf(() -> fetch.apply(kind), name + "-" + code + ".pdf");
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static List<String> lines(String value) {
        return value == null ? List.of() : value.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
