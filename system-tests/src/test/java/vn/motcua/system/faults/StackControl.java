package vn.motcua.system.faults;

import vn.motcua.system.Stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills, stops and starts one component of the running stack through {@code deploy/local/ctl.sh}, which
 * restarts it with exactly the options {@code up.sh} gave it, on this stack's port offset.
 */
public final class StackControl {
    static final Path REPO = findRepo();
    /** Where up.sh keeps pids and logs ({@code MOTCUA_STACK_HOME}, default {@code <repo>/.stack}). */
    static final Path HOME = Path.of(System.getenv().getOrDefault("MOTCUA_STACK_HOME", REPO.resolve(".stack").toString()));

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "result-service",
            "notification-service");

    private StackControl() {
    }

    public static void kill9(String component) {
        ctl("kill9", component);
    }

    public static void stop(String component) {
        ctl("stop", component);
    }

    public static void start(String component) {
        ctl("start", component);
    }

    /** The pid up.sh or ctl.sh recorded for a component ("" when none). */
    public static String pid(String component) {
        try {
            Path file = HOME.resolve("run").resolve(component + ".pid");
            return Files.exists(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ctl(String action, String component) {
        try {
            ProcessBuilder builder = new ProcessBuilder(REPO.resolve("deploy/local/ctl.sh").toString(), action, component)
                    .redirectErrorStream(true);
            builder.environment().put("MOTCUA_PORT_OFFSET", String.valueOf(Stack.PORT_OFFSET));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ctl.sh " + action + " " + component + " failed:\n" + output);
            }
            System.out.print(output.indent(2));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findRepo() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("deploy/local/ctl.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/local/ctl.sh not found above " + System.getProperty("user.dir"));
    }
}
