package vn.motcua.system.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer, side by side in the same run (issue 18, item 8): the Flowable BPMN engine's three-agency case and its
 * process starts, on the stack's own PostgreSQL, through {@code shared/peers/flowable-bench/run-on-stack.sh}
 * (beside the repository; {@code -Dbench.peer=PATH} elsewhere). Its code is not ours and is not committed here: the
 * script builds it from Maven Central in a temporary folder.
 */
final class FlowablePeer {
    private static final Pattern CASES = Pattern.compile("flowable cases/s\\s+([0-9.]+)");
    private static final Pattern STARTS = Pattern.compile("flowable starts/s\\s+([0-9.]+)");

    record Figures(double casesPerSecond, double startsPerSecond, String summary) {
        static final Figures NONE = new Figures(Double.NaN, Double.NaN, "not run");
    }

    private FlowablePeer() {
    }

    /** Runs the peer's script; NONE (with the reason printed) when it is not there or fails. */
    static Figures run(int cases, int starts, int warmupSeconds) throws Exception {
        String root = System.getProperty("maven.multiModuleProjectDirectory", "..");
        Path script = Path.of(System.getProperty("bench.peer",
                Path.of(root).toAbsolutePath().getParent().resolve("shared/peers/flowable-bench/run-on-stack.sh").toString()));
        if (!Files.isReadable(script)) {
            System.out.println("peer: " + script + " not found; ratios to Flowable are left out");
            return Figures.NONE;
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("CASES", Integer.toString(cases));
        pb.environment().put("STARTS", Integer.toString(starts));
        pb.environment().put("WARMUP_SECONDS", Integer.toString(warmupSeconds));
        pb.environment().put("PGPORT", Stack.port());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher c = CASES.matcher(output);
        Matcher s = STARTS.matcher(output);
        if (p.exitValue() != 0 || !c.find() || !s.find()) {
            System.out.println("peer failed (exit " + p.exitValue() + "):\n" + output);
            return Figures.NONE;
        }
        String summary = output.substring(output.lastIndexOf("== summary"));
        System.out.println(summary);
        return new Figures(Double.parseDouble(c.group(1)), Double.parseDouble(s.group(1)), summary.strip());
    }

    /** The Stack's PostgreSQL port, as the peer's script takes it. */
    private static final class Stack {
        static String port() {
            return vn.motcua.system.Stack.JDBC.replaceAll(".*:(\\d+)/.*", "$1");
        }
    }
}
