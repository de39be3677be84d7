package vn.motcua.routing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.routing.domain.DeadlineSweep;
import vn.motcua.shared.events.EventJson;
import vn.motcua.testsupport.KafkaResource;
import vn.motcua.testsupport.PostgresResource;
import vn.motcua.testsupport.TestTokens;

import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's benchmarks, run on request only (its name matches no test pattern, so only {@code -Dtest=RoutingBenchmark} runs it; see docs/BENCHMARKS.md): the
 * inbox's latency with 1M tasks stored, and one deadline sweep over 1M open dossiers. Figures are
 * printed; the assertions check that the work was done; the times are figures for docs/BENCHMARKS.md.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RoutingBenchmark {
    static final int DOSSIERS = 1_000_000;
    static final int AGENCIES = 200;
    static final int DUE_NOW = 2_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeadlineSweep sweep;

    @Test
    void inboxAndSweepWithAMillionOpenDossiers() throws Exception {
        long loading = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 1M running dossiers due over the next 60 days, DUE_NOW of them past their warning time.
            s.execute("""
                    insert into routed_dossier (code, procedure_code, procedure_version, unit_code, received_at, due_at,
                      statutory_due_at, lawful_due_at, warn_at, routed_at, status, current_stage, plan)
                    select 'BENCH-' || i, 'BENCH', 1, '000.00.31.H29', now(), d, d, d, d - interval '1 day', now(),
                           'IN_PROGRESS', 0, '{}'::jsonb
                    from (select i, case when i <= %d then now() + interval '2 hours'
                                 else now() + (2 + i %% 58) * interval '1 day' end as d
                          from generate_series(1, %d) as i) g""".formatted(DUE_NOW, DOSSIERS));
            s.execute("""
                    insert into agency_task (id, dossier_code, stage_index, step_id, agency, agency_name, status,
                      handed_over_by, assigned_at, due_at, warn_at)
                    select gen_random_uuid(), code, 0, 'buoc', 'BENCH-AG-' || (substr(code, 7)::int %% %d), 'Cơ quan',
                           'ASSIGNED', '000.00.31.H29', now(), due_at, warn_at
                    from routed_dossier where procedure_code = 'BENCH'""".formatted(AGENCIES));
            s.execute("analyze routed_dossier");
            s.execute("analyze agency_task");
        }
        System.out.printf("BENCH loaded %d dossiers and tasks in %d s%n", DOSSIERS,
                (System.nanoTime() - loading) / 1_000_000_000);

        // The inbox of one agency (5,000 of the 1M tasks), first page of 50, and a later page.
        String officer = TestTokens.agencyOfficer("bench1", "BENCH-AG-7");
        for (int i = 0; i < 50; i++) {
            given().auth().oauth2(officer).when().get("/api/tasks").then().statusCode(200);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(officer).queryParam("page", i % 10).when().get("/api/tasks").then().statusCode(200);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        long p50 = micros.get(micros.size() / 2);
        long p99 = micros.get(micros.size() * 99 / 100);
        System.out.printf("BENCH inbox (agency of 5000 tasks, 1M stored): p50 %.1f ms, p99 %.1f ms%n",
                p50 / 1000.0, p99 / 1000.0);

        // One sweep over the 1M running dossiers: DUE_NOW dossiers and as many tasks get their warning.
        OffsetDateTime now = OffsetDateTime.now(EventJson.VIETNAM);
        long start = System.nanoTime();
        DeadlineSweep.Swept swept = sweep.sweep(now);
        long sweepMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("BENCH sweep over %d open dossiers: %d warnings, %d overdue in %d ms%n", DOSSIERS,
                swept.warnings(), swept.overdue(), sweepMillis);
        assertTrue(swept.warnings() >= 2 * DUE_NOW, swept.toString());
        long again = System.nanoTime();
        assertEquals(0, sweep.sweep(now).warnings());
        long idleMillis = (System.nanoTime() - again) / 1_000_000;
        System.out.printf("BENCH sweep with nothing due: %d ms%n", idleMillis);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from agency_task where dossier_code like 'BENCH-%'");
            s.execute("delete from routed_dossier where code like 'BENCH-%'");
        }
        // Figures, not a timed assertion: they are recorded in docs/BENCHMARKS.md against the 2 s target.
    }
}
