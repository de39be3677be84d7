package vn.motcua.system.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each part of the stack spent during a phase (issue 18, item 7), read from the processes' own counters:
 * the four services (by their HTTP port), PostgreSQL (every backend and helper process), Kafka, Keycloak, and, apart
 * from the total, this benchmark's own process and the local stack's mail sink (GreenMail, which stands in for the
 * province's SMTP relay: another machine's work in a deployment, but these two cores' here).
 */
final class CpuMeter {
    /** Parts measured but not the system's own cost. */
    private static final java.util.Set<String> APART = java.util.Set.of("benchmark client", "mail sink");
    private final Map<String, Long> start;

    private CpuMeter(Map<String, Long> start) {
        this.start = start;
    }

    static CpuMeter start() {
        return new CpuMeter(now());
    }

    /** Milliseconds of CPU per unit of work (e.g. per dossier) since {@link #start()}, by part. */
    Map<String, Double> perUnit(long units) {
        Map<String, Long> end = now();
        Map<String, Double> per = new LinkedHashMap<>();
        end.forEach((part, ms) -> per.put(part, (ms - start.getOrDefault(part, 0L)) / (double) Math.max(1, units)));
        return per;
    }

    static String format(Map<String, Double> perUnit) {
        StringBuilder s = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : perUnit.entrySet()) {
            s.append(s.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append("%.1f".formatted(e.getValue()));
            total += APART.contains(e.getKey()) ? 0 : e.getValue();
        }
        return s.append("; total without the client and the mail sink %.1f ms".formatted(total)).toString();
    }

    private static Map<String, Long> now() {
        int offset = vn.motcua.system.Stack.PORT_OFFSET;
        Map<String, Long> ms = new LinkedHashMap<>();
        String[][] services = {{"intake", "8081"}, {"routing", "8082"}, {"result", "8083"}, {"notification", "8084"}};
        for (String[] service : services) {
            String flag = "quarkus.http.port=" + (Integer.parseInt(service[1]) + offset);
            ms.put(service[0], cpu(p -> p.contains(flag) && p.contains("quarkus-run.jar")));
        }
        ms.put("postgresql", postgres(5432 + offset));
        ms.put("kafka", cpu(p -> p.contains("kafka.Kafka") && kafkaListensOn(p, 9092 + offset)));
        ms.put("keycloak", cpu(p -> p.contains("--http-port=" + (8180 + offset) + " ")
                || p.endsWith("--http-port=" + (8180 + offset))));
        ms.put("mail sink", cpu(p -> p.contains("greenmail-standalone") && p.contains("-Dgreenmail.smtp.port="
                + (3025 + offset) + " ")));
        // the load generator shares the same two cores: its cost is part of the picture, not of the pipeline
        ms.put("benchmark client", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis());
        return ms;
    }

    /** The broker of this stack, not of another stack beside it: its server.properties (last argument) names the port. */
    private static boolean kafkaListensOn(String commandLine, int port) {
        String[] words = commandLine.trim().split("\\s+");
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(words[words.length - 1]))
                    .contains("PLAINTEXT://localhost:" + port);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The stack's PostgreSQL server and its backends: the postmaster whose port is the stack's (given as {@code -p}, or
     * the default when none is given) and its descendants, not the embedded servers of tests running beside it.
     */
    private static long postgres(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/bin/postgres") && servesPort(c, port)).orElse(false))
                .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                        postmaster.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toMillis())
                .reduce(0L, Long::sum);
    }

    private static boolean servesPort(String commandLine, int port) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:-p\\s+|port=)(\\d+)").matcher(commandLine);
        return m.find() ? Integer.parseInt(m.group(1)) == port : port == 5432;
    }

    private static long cpu(java.util.function.Predicate<String> commandLine) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(commandLine::test).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toMillis())
                .reduce(0L, Long::sum);
    }
}
