package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agency officer's inbox ({@code GET /api/tasks}, first pages in due order) against the running stack, open
 * loop at a fixed rate, as the justice office's officers {@code tuphap1} and {@code tuphap2} — the office every
 * newborn dossier reaches first, so after a pipeline run its queue holds thousands of tasks. Routing's table can
 * be filled first with {@code bench.inbox.tasks} open tasks of 200 other agencies ({@code BENCH-AG-n}, dossiers
 * {@code BENCH-n}, due two to four months ahead so the deadline sweep never fires for them);
 * {@code -Dbench.inbox.action=drop} removes exactly them.
 *
 * <pre>
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.InboxBenchmark \
 *     -Dbench.inbox.tasks=1000000 -Dbench.rate=200 -Dbench.seconds=20
 * </pre>
 */
public final class InboxBenchmark {
    static final int AGENCIES = 200;

    private InboxBenchmark() {
    }

    record Figures(int rate, double seconds, long stored, long agencyTasks, int answered, double p50, double p99,
                   double max, Map<Integer, Integer> statuses) {
        void print() {
            System.out.printf("agency inbox: open loop at %d/s for %.0f s; %d tasks stored, %d open at the justice office%n",
                    rate, seconds, stored, agencyTasks);
            System.out.printf("  latency ms from due time: p50 %.2f, p99 %.2f, max %.2f (%d answers); statuses %s%n", p50,
                    p99, max, answered, statuses);
        }
    }

    public static void main(String[] args) throws Exception {
        if ("drop".equals(System.getProperty("bench.inbox.action"))) {
            System.out.printf("removed %d bench tasks%n", drop());
            return;
        }
        seed(Integer.getInteger("bench.inbox.tasks", 0));
        HttpClient http = BenchSupport.http();
        run(http, List.of(BenchSupport.token(http, "tuphap1"), BenchSupport.token(http, "tuphap2")),
                Integer.getInteger("bench.rate", 200), Integer.getInteger("bench.seconds", 20)).print();
    }

    /** Tops routing's table up to {@code tasks} bench tasks (nothing when they are there already). */
    static void seed(int tasks) throws Exception {
        seed("BENCH", "'BENCH-AG-' || (n % " + AGENCIES + ")", tasks);
    }

    /**
     * Tops routing's table up to {@code tasks} open dossiers {@code PROCEDURE-n} of the made-up procedure
     * {@code procedure}, each with one assigned task of the agency the SQL expression {@code agency} gives for n,
     * due two to four months ahead so the deadline sweep never fires for them.
     */
    static void seed(String procedure, String agency, int tasks) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            s.execute("set search_path = routing");
            long have;
            try (ResultSet rs = s.executeQuery("select count(*) from routed_dossier where procedure_code = '" + procedure + "'")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have >= tasks) {
                return;
            }
            long start = System.nanoTime();
            s.execute("""
                    insert into routed_dossier (code, procedure_code, procedure_version, unit_code, received_at, due_at,
                      statutory_due_at, lawful_due_at, warn_at, routed_at, status, current_stage, plan)
                    select '%1$s-' || i, '%1$s', 1, '000.00.31.H29', now(), d, d, d, d - interval '1 day', now(),
                           'IN_PROGRESS', 0, '{}'::jsonb
                    from (select i, now() + (60 + i %% 60) * interval '1 day' as d
                          from generate_series(%2$d, %3$d) as i) g""".formatted(procedure, have + 1, tasks));
            s.execute(("""
                    insert into agency_task (id, dossier_code, stage_index, step_id, agency, agency_name, status,
                      handed_over_by, assigned_at, due_at, warn_at)
                    select gen_random_uuid(), code, 0, 'buoc', %1$s, 'Cơ quan', 'ASSIGNED', '000.00.31.H29', now(), due_at, warn_at
                    from (select code, due_at, warn_at, substr(code, %2$d)::int as n from routed_dossier
                          where procedure_code = '%3$s') r
                    where n > %4$d""").formatted(agency, procedure.length() + 2, procedure, have));
            s.execute("vacuum analyze routed_dossier");
            s.execute("vacuum analyze agency_task");
            System.out.printf("seeded %d bench tasks (%s) in routing in %.0f s%n", tasks - have, procedure,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    static int drop() throws Exception {
        return drop("BENCH");
    }

    /** Removes the dossiers of the made-up procedure and their tasks. */
    static int drop(String procedure) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            s.execute("set search_path = routing");
            s.executeUpdate("delete from agency_task where dossier_code in (select code from routed_dossier where procedure_code = '"
                    + procedure + "')");
            return s.executeUpdate("delete from routed_dossier where procedure_code = '" + procedure + "'");
        }
    }

    /** Tasks stored in routing, and those open at the justice office (whose officers the benchmarks sign in as). */
    static long[] stored() throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(*) filter (where agency = 'TUPHAP-BADINH'"
                     + " and status in ('ASSIGNED', 'CLAIMED')) from routing.agency_task")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    static Figures run(HttpClient http, List<String> officers, int rate, int seconds) throws Exception {
        long[] stored = stored();
        for (int i = 0; i < 200; i++) { // warm-up: the first requests of a fresh JVM are not the figure
            http.send(HttpRequest.newBuilder(URI.create(Stack.ROUTING + "/api/tasks?size=20"))
                    .header("Authorization", "Bearer " + officers.get(i % officers.size())).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        // Mostly the first page, as officers open their inbox; now and then a later one.
        BenchSupport.OpenLoop loop = BenchSupport.openLoop(http, rate, seconds,
                i -> HttpRequest.newBuilder(URI.create(Stack.ROUTING + "/api/tasks?size=20&page=" + (i % 5 == 4 ? i % 10 : 0)))
                        .header("Authorization", "Bearer " + officers.get(i % officers.size()))
                        .timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.discarding(), response -> String.valueOf(response.statusCode()), "200");
        Map<Integer, Integer> statuses = new TreeMap<>();
        loop.outcomes().forEach((k, v) -> statuses.put("error".equals(k) ? -1 : Integer.parseInt(k), v));
        long[] ok = loop.latencies();
        return new Figures(rate, loop.seconds(), stored[0], stored[1], ok.length, BenchSupport.pct(ok, 50),
                BenchSupport.pct(ok, 99), BenchSupport.max(ok), statuses);
    }
}
