package vn.motcua.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import vn.motcua.platform.api.Page;
import vn.motcua.shared.dossier.DossierState;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.text.SearchText;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The officers' dossier list: newest first, filtered, two queries (count and page) whatever the page
 * size, each served by an index on (unit, status, registered_at), and a text query by the trigram index on
 * the folded search column.
 */
@ApplicationScoped
public class DossierSearch {
    /**
     * Filters; null means "any". Dates are days in Vietnam time, both ends included. {@code query}: words that the
     * dossier's code, applicant name, identity number or phone must all contain, case and diacritics ignored.
     */
    public record Filter(String unitCode, DossierState status, String procedureCode, String channel, LocalDate from,
                         LocalDate to, String citizenLink, String query) {
    }

    /** One row of the list. */
    public record Row(String code, String procedureCode, int procedureVersion, String procedureName, String channel,
                      String unitCode, String status, int nationalStatusCode, String applicantName,
                      OffsetDateTime registeredAt, OffsetDateTime receivedAt, OffsetDateTime appointmentAt) {
    }

    private final EntityManager em;

    public DossierSearch(EntityManager em) {
        this.em = em;
    }

    public Page<Row> search(Filter filter, Page.Request paging) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (filter.unitCode() != null) {
            where.add("d.unit_code = :unit");
            parameters.put("unit", filter.unitCode());
        }
        if (filter.status() != null) {
            where.add("d.status = :status");
            parameters.put("status", filter.status().name());
        }
        if (filter.procedureCode() != null) {
            where.add("d.procedure_code = :procedure");
            parameters.put("procedure", filter.procedureCode());
        }
        if (filter.channel() != null) {
            where.add("d.channel = :channel");
            parameters.put("channel", filter.channel());
        }
        if (filter.from() != null) {
            where.add("d.registered_at >= :from");
            parameters.put("from", startOf(filter.from()));
        }
        if (filter.to() != null) {
            where.add("d.registered_at < :to");
            parameters.put("to", startOf(filter.to().plusDays(1)));
        }
        if (filter.citizenLink() != null) {
            where.add("d.citizen_id_hmac = :citizen");
            parameters.put("citizen", filter.citizenLink());
        }
        List<String> words = SearchText.words(filter.query());
        for (int i = 0; i < words.size(); i++) {
            // search_text is folded by the same rule in SQL (V5); the trigram index serves "contains"
            where.add("d.search_text like :word" + i + " escape '\\'");
            parameters.put("word" + i, "%" + words.get(i).replaceAll("[\\\\%_]", "\\\\$0") + "%");
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);

        Query count = em.createNativeQuery("select count(*) from dossier d" + condition);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();

        Query page = em.createNativeQuery("""
                select d.code, d.procedure_code, d.procedure_version, p.name, d.channel, d.unit_code, d.status,
                       d.applicant_name, d.registered_at, d.received_at, d.appointment_at
                from dossier d join procedure_version p on p.code = d.procedure_code and p.version = d.procedure_version
                """ + condition + " order by d.registered_at desc, d.id desc");
        parameters.forEach(page::setParameter);
        page.setFirstResult(paging.offset());
        page.setMaxResults(paging.size());
        List<Row> rows = new ArrayList<>();
        for (Object o : page.getResultList()) {
            Object[] c = (Object[]) o;
            DossierState state = DossierState.valueOf((String) c[6]);
            rows.add(new Row((String) c[0], (String) c[1], ((Number) c[2]).intValue(), (String) c[3], (String) c[4],
                    (String) c[5], state.name(), state.nationalStatusCode(), (String) c[7], time(c[8]), time(c[9]),
                    time(c[10])));
        }
        return new Page<>(rows, paging.page(), paging.size(), total);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(EventJson.VIETNAM);
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(EventJson.VIETNAM);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(EventJson.VIETNAM);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(EventJson.VIETNAM);
        }
        return OffsetDateTime.parse(value.toString()).withOffsetSameInstant(ZoneOffset.ofHours(7));
    }
}
