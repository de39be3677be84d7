package vn.motcua.intake.api;

import jakarta.ws.rs.core.Response;
import vn.motcua.intake.domain.Office;
import vn.motcua.intake.domain.OfficeRecord;
import vn.motcua.intake.domain.Offices;
import vn.motcua.platform.api.Page;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** What {@link AgencyResource} and {@link UnitResource} do alike: list, get, create, upsert. */
final class OfficeEndpoints {
    private final Offices offices;
    private final Offices.Kind kind;
    private final String path;

    OfficeEndpoints(Offices offices, Offices.Kind kind, String path) {
        this.offices = offices;
        this.kind = kind;
        this.path = path;
    }

    Page<OfficeRecord> list(String q, String level, String active, String parent, String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Page.Request paging = Page.Request.of(page, size, errors);
        Boolean activeFlag = null;
        if (active != null && !active.isBlank()) {
            switch (active.strip()) {
                case "true" -> activeFlag = Boolean.TRUE;
                case "false" -> activeFlag = Boolean.FALSE;
                default -> errors.add(new Problem.FieldError("active", "true hoặc false"));
            }
        }
        if (q != null && q.length() > 200) {
            errors.add(new Problem.FieldError("q", "tối đa 200 ký tự"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return offices.page(kind, new Offices.Search(blank(q), blank(level), activeFlag, blank(parent)), paging);
    }

    OfficeRecord get(String code) {
        Office office = offices.find(kind, code);
        if (office == null) {
            throw ProblemException.notFound("Không có mã " + code + " trong danh mục.");
        }
        return office.record();
    }

    Response create(OfficeRecord body) {
        Offices.Upserted done = offices.upsert(kind, Offices.checked(kind, null, body), true);
        return Response.created(URI.create(path + "/" + done.office().code())).entity(done.office()).build();
    }

    /** 201 when it creates, 200 otherwise; nothing is published when nothing changed. */
    Response put(String code, OfficeRecord body) {
        Offices.Upserted done = offices.upsert(kind, Offices.checked(kind, code, body), false);
        return (done.outcome() == Offices.Outcome.CREATED
                ? Response.created(URI.create(path + "/" + code)) : Response.ok()).entity(done.office()).build();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
