package vn.motcua.system.bench;

import vn.motcua.system.Stack;
import vn.motcua.system.faults.StackControl;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 9's load benchmark: one command, one run, against the running stack, and in the same run the machine's own
 * limit with pgbench, so every figure can also be read as a ratio of what this machine's PostgreSQL does alone.
 * Phases, in order (each waits until the pipeline has absorbed the one before):
 * <ol>
 *   <li>warm-up, not counted: the pipeline at 60/s for 45 s ({@code bench.warmup-seconds}, {@code bench.warmup-rate});</li>
 *   <li>pgbench: single-row insert transactions into a scratch table (16 clients) — the machine's limit;</li>
 *   <li>pipeline: newborn dossiers offered at a fixed rate, counted when result shows them at the first agency, with
 *   the event lag sampled by citizens' lookups ({@link PipelineBenchmark});</li>
 *   <li>status: citizens' lookups by code and PIN at a fixed rate over 1M stored dossiers ({@link StatusSeeder},
 *   {@link StatusLookupBenchmark});</li>
 *   <li>inbox: the justice office's inbox with 1M tasks stored in routing ({@link InboxBenchmark});</li>
 *   <li>reception alone, routing, result and notification stopped: closed-loop counter officers of 50 units posting
 *   newborn dossiers ({@link ReceptionBenchmark}), then reception offered at three times the rate it carried
 *   ({@link OverloadBenchmark}); the three are started again and the pipeline drained;</li>
 *   <li>the peer: Flowable's three-agency case and process starts on the same PostgreSQL ({@link FlowablePeer}), so
 *   the pipeline and reception are also ratios to an embedded BPMN engine measured in the same run.</li>
 * </ol>
 * The pipeline phase also reports the CPU time each part of the stack spent per dossier ({@link CpuMeter}).
 * Prints a summary against the targets and writes it as Markdown to {@code system-tests/target/load-benchmark.md}.
 * The seeded rows stay for the next run (seeding 1M takes minutes); {@code -Dbench.cleanup=true} removes them at the end.
 *
 * <pre>
 * MOTCUA_SERVICE_JAVA_OPTS="-Xms256m -Xmx512m -XX:+UseParallelGC" deploy/local/up.sh
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.LoadBenchmark
 * </pre>
 */
public final class LoadBenchmark {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private static final List<String> DOWNSTREAM = List.of("routing-service", "result-service", "notification-service");

    private LoadBenchmark() {
    }

    record Pgbench(double tps, double latencyMs, String binary) {
    }

    public static void main(String[] args) throws Exception {
        int pgbenchSeconds = Integer.getInteger("bench.pgbench.seconds", 15);
        int receptionSeconds = Integer.getInteger("bench.reception.seconds", 30);
        int receptionClients = Integer.getInteger("bench.reception.clients", 64);
        int pipelineRate = Integer.getInteger("bench.pipeline.rate", 300);
        int pipelineSeconds = Integer.getInteger("bench.pipeline.seconds", 30);
        int statusDossiers = Integer.getInteger("bench.status.dossiers", 1_000_000);
        int statusRate = Integer.getInteger("bench.status.rate", 2000);
        int statusSeconds = Integer.getInteger("bench.status.seconds", 30);
        int inboxTasks = Integer.getInteger("bench.inbox.tasks", 1_000_000);
        int inboxRate = Integer.getInteger("bench.inbox.rate", 200);
        int inboxSeconds = Integer.getInteger("bench.inbox.seconds", 20);
        String started = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16);
        String machine = machine();
        System.out.println("machine: " + machine);

        // Seeding first, so that the timed phases do not share the machine with it.
        StatusSeeder.load(statusDossiers, true);
        InboxBenchmark.seed(inboxTasks);
        settle();
        drained();

        HttpClient http = BenchSupport.http();
        List<String> counters = BenchSupport.counterTokens(http, 50);
        // The services' JIT warm first (as the peer's own warm-up does): a run right after up.sh measured reception at
        // 50/s and the pipeline at 61/s with cold compilers, a third of the same stack's warm figures (BENCHMARKS.md).
        int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 45);
        if (warmupSeconds > 0) {
            System.out.println("warm-up (not counted):");
            PipelineBenchmark.run(http, counters, Integer.getInteger("bench.warmup-rate", 60), warmupSeconds, 50).print();
            drained();
        }

        String loadBefore = loadAverage();
        Pgbench pg = pgbench(pgbenchSeconds);
        System.out.printf("pgbench: %.0f tps, latency average %.2f ms (%s)%n", pg.tps(), pg.latencyMs(), pg.binary());

        CpuMeter cpu = CpuMeter.start();
        PipelineBenchmark.Figures pipeline = PipelineBenchmark.run(http, counters, pipelineRate, pipelineSeconds, 50);
        pipeline.print();
        drained();
        String cpuPerDossier = CpuMeter.format(cpu.perUnit(pipeline.received()));
        System.out.println("CPU ms per dossier in the pipeline phase (until drained): " + cpuPerDossier);

        StatusLookupBenchmark.Figures status = StatusLookupBenchmark.run(http, statusRate, statusSeconds, 10, statusDossiers);
        status.print();

        InboxBenchmark.Figures inbox = InboxBenchmark.run(http,
                List.of(BenchSupport.token(http, "tuphap1"), BenchSupport.token(http, "tuphap2")), inboxRate, inboxSeconds);
        inbox.print();

        // Reception alone, as issue 18's target reads it (intake, PostgreSQL, Kafka): routing, result and notification
        // stopped meanwhile, so that the receptions do not share the two cores with their own processing downstream
        // (-Dbench.reception.alone=false keeps them running). Last, because a restarted service's JIT is cold.
        boolean alone = Boolean.parseBoolean(System.getProperty("bench.reception.alone", "true"));
        if (alone) {
            DOWNSTREAM.forEach(StackControl::stop);
        }
        ReceptionBenchmark.Figures reception;
        OverloadBenchmark.Figures overload;
        try {
            reception = ReceptionBenchmark.run(http, counters, receptionClients, 10, receptionSeconds);
            reception.print();
            int overloadRate = Integer.getInteger("bench.overload.rate", (int) Math.max(30, 3 * reception.perSecond()));
            overload = OverloadBenchmark.run(http, counters, overloadRate, Integer.getInteger("bench.overload.seconds", 15));
            System.out.println("overload: " + overload.describe());
        } finally {
            if (alone) { // a failed phase must not leave the stack without its downstream services
                DOWNSTREAM.forEach(StackControl::start);
            }
        }
        drained();
        String loadAfter = loadAverage();
        FlowablePeer.Figures peer = Boolean.parseBoolean(System.getProperty("bench.peer.run", "true"))
                ? FlowablePeer.run(Integer.getInteger("bench.peer.cases", 2000), Integer.getInteger("bench.peer.starts", 5000),
                Integer.getInteger("bench.peer.warmup", 30)) : FlowablePeer.Figures.NONE;

        long[] lookups = status.answered();
        String summary = """
                ### Load benchmark run of %s UTC
                Machine: %s. Load average before %s, after %s.

                | figure | target | measured | ratio to pgbench (%.0f single-row insert tps) |
                |---|---|---|---|
                | reception%s, %d closed-loop clients, 50 units | ≥ 1,000/s | **%.0f/s** (p50 %.0f ms, p99 %.0f ms; %s) | %.1f %% |
                | reception at 3× what it carries | only 201 or 503; 503 within 100 ms; 0 half-written | %s | |
                | pipeline intake → routing → result, offered %d/s for %d s | ≥ 1.5 × Flowable's cases/s; goal 300/s | **%.0f/s** (%d of %d at the first agency in %.1f s) | %.1f %% |
                | lag 201 → citizen sees the dossier at the first agency | p99 ≤ 1 s at 100/s; goal ≤ 500 ms at 300/s | p50 %.0f ms, **p99 %.0f ms** (max %.0f; %d dossiers) | |
                | lag 201 → citizen sees the dossier received | | p50 %.0f ms, p99 %.0f ms | |
                | citizen status at %d/s, %,d dossiers stored | p99 ≤ 25 ms | p50 %.2f ms, **p99 %.2f ms** (%d answers; %s; %d skipped) | |
                | agency inbox at %d/s, %,d tasks stored (%d at the justice office) | | p50 %.2f ms, **p99 %.2f ms** (%s) | |

                CPU per dossier in the pipeline phase, ms: %s.

                | the peer, same run, same PostgreSQL | measured | motcua / peer |
                |---|---|---|
                | Flowable full three-agency case (start, three inbox queries, three completions) | %.1f cases/s | pipeline %.2f× |
                | Flowable process starts | %.1f starts/s | reception %.2f× |
                """.formatted(started, machine, loadBefore, loadAfter, pg.tps(),
                alone ? " alone (routing, result, notification stopped)" : "", reception.clients(), reception.perSecond(),
                reception.p50(), reception.p99(), reception.statuses(),
                100 * reception.perSecond() / pg.tps(),
                overload.describe(),
                pipeline.rate(), pipelineSeconds, pipeline.throughput(), pipeline.routed(), pipeline.received(),
                pipeline.seconds(), 100 * pipeline.throughput() / pg.tps(),
                BenchSupport.pct(pipeline.routedLag(), 50), BenchSupport.pct(pipeline.routedLag(), 99),
                BenchSupport.max(pipeline.routedLag()), pipeline.routedLag().length,
                BenchSupport.pct(pipeline.visibleLag(), 50), BenchSupport.pct(pipeline.visibleLag(), 99),
                status.rate(), status.dossiers(), BenchSupport.pct(lookups, 50), BenchSupport.pct(lookups, 99),
                lookups.length, status.statuses(), status.skipped(),
                inbox.rate(), inbox.stored(), inbox.agencyTasks(), inbox.p50(), inbox.p99(), inbox.statuses(),
                cpuPerDossier, peer.casesPerSecond(), pipeline.throughput() / peer.casesPerSecond(),
                peer.startsPerSecond(), reception.perSecond() / peer.startsPerSecond());
        System.out.println();
        System.out.println(summary);
        Path out = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "system-tests", "target",
                "load-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, summary, StandardCharsets.UTF_8);
        System.out.println("written to " + out.toAbsolutePath());

        if (Boolean.getBoolean("bench.cleanup")) {
            StatusSeeder.load(0, false);
            System.out.printf("removed %d bench tasks%n", InboxBenchmark.drop());
        }
    }

    /**
     * After a bulk load: a checkpoint, then until no autovacuum runs (at most 3 minutes). The first run measured
     * reception at 45/s right after seeding 3M rows, against 156/s a few minutes later: PostgreSQL was writing
     * the load out and vacuuming it while the phase ran.
     */
    private static void settle() throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            try {
                s.execute("checkpoint");
            } catch (java.sql.SQLException e) {
                System.out.println("no checkpoint (needs a superuser or pg_checkpoint): " + e.getMessage());
            }
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < giveUp) {
                try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity"
                        + " where backend_type = 'autovacuum worker'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf("settled after the load in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Waits until result has projected every dossier intake received and routing has planned them all, then until
     * notification has planned and sent what they caused (no pending delivery, and its count of applied events still
     * for two polls), at most 5 minutes in all; then empties the local mail sink. So a phase neither pays for the one
     * before nor for the sink itself: GreenMail keeps every message in memory, and with the tens of thousands of a
     * run it spent more CPU per e-mail than the whole system per dossier (19.9 ms in the run of 02:30 UTC, 5 December).
     */
    private static void drained() throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long lastSeen = -1;
        int still = 0;
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("""
                        select (select count(*) from intake.dossier where received_at is not null),
                               (select count(*) from routing.routed_dossier where procedure_code <> 'BENCH'),
                               (select count(*) from result.dossier_status where received_at is not null
                                  and code not like '000.__.98.H29-%%'),
                               (select count(*) from notification.delivery where status = 'PENDING'),
                               (select count(*) from notification.processed_event)""".formatted())) {
                    rs.next();
                    long intake = rs.getLong(1);
                    long routing = rs.getLong(2);
                    long result = rs.getLong(3);
                    long pending = rs.getLong(4);
                    long seen = rs.getLong(5);
                    boolean projected = routing >= intake && result >= intake;
                    still = seen == lastSeen ? still + 1 : 0;
                    lastSeen = seen;
                    if (projected && pending == 0 && still >= 2) {
                        System.out.printf("drained: %d received, routed, projected and notified%n", intake);
                        break;
                    }
                    if (System.nanoTime() > giveUp) {
                        System.out.printf("not drained after 5 min: intake %d, routing %d, result %d, %d notifications"
                                + " pending%n", intake, routing, result, pending);
                        break;
                    }
                }
                Thread.sleep(1000);
            }
        }
        BenchSupport.purgeMail();
    }


    /** pgbench against the stack's PostgreSQL: single-row insert transactions into a scratch table, 16 clients. */
    static Pgbench pgbench(int seconds) throws Exception {
        String binary = pgbenchBinary();
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.insert_only");
            s.execute("create table bench.insert_only (id bigserial primary key, v int not null,"
                    + " at timestamptz not null default now())");
        }
        Path script = Files.createTempFile("pgbench-insert", ".sql");
        Files.writeString(script, "\\set v random(1, 1000000)\nINSERT INTO bench.insert_only (v) VALUES (:v);\n");
        String port = Stack.JDBC.replaceAll(".*:(\\d+)/.*", "$1");
        ProcessBuilder pb = new ProcessBuilder(binary, "-h", "localhost", "-p", port, "-U", "motcua", "-n", "-c", "16",
                "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(), "motcua").redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "motcua");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Files.deleteIfExists(script);
        try (Connection c = DriverManager.getConnection(Stack.JDBC, "motcua", "motcua"); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench.insert_only");
        }
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (p.exitValue() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        return new Pgbench(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : 0,
                binary);
    }

    /** pgbench from the PATH, an installed PostgreSQL, or the binaries up.sh fetched into the stack's folder. */
    private static String pgbenchBinary() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir, "pgbench"));
        }
        try (Stream<Path> installed = Files.exists(Path.of("/usr/lib/postgresql"))
                ? Files.list(Path.of("/usr/lib/postgresql")).sorted(java.util.Comparator.reverseOrder()) : Stream.empty()) {
            installed.forEach(dir -> candidates.add(dir.resolve("bin/pgbench")));
        }
        String root = System.getProperty("maven.multiModuleProjectDirectory", "..");
        Path stack = Path.of(System.getenv().getOrDefault("MOTCUA_STACK_HOME", root + "/.stack"), "dist");
        if (Files.isDirectory(stack)) {
            try (Stream<Path> fetched = Files.list(stack)) {
                fetched.filter(d -> d.getFileName().toString().startsWith("postgresql-"))
                        .forEach(d -> candidates.add(d.resolve("bin/pgbench")));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("no pgbench found (PATH, /usr/lib/postgresql/*/bin, "
                        + stack + "/postgresql-*/bin): install postgresql-client or run deploy/local/up.sh once"));
    }

    private static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "%s, %d cores, %d GiB, Java %s; everything (PostgreSQL, Kafka, Keycloak, the services, this generator) on it"
                .formatted(cpu, Runtime.getRuntime().availableProcessors(), Math.round(memory / (1024.0 * 1024 * 1024)),
                        System.getProperty("java.version"));
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? String.join(" ", List.of(Files.readString(loadavg).split(" ")).subList(0, 3))
                : "unknown";
    }
}
