package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agency inbox page as officers open it: the console's {@code /xu-ly}, rendered server-side from routing's
 * task list and its due-soon and overdue counts, with the officer's session cookie, open loop at a fixed rate
 * (issue 19: p95 ≤ 150 ms at 20 pages/s with 1M tasks stored). Routing's table is topped up first like
 * {@link InboxBenchmark}'s (1M tasks of 200 other agencies by default), plus {@code bench.console.justice}
 * open tasks of the justice office itself (default 5,000, dossiers {@code BENCH-J-n}), so the page's own queue is
 * a long one. tuphap1 and tuphap2 sign in through Keycloak's login form,
 * as a browser would (code flow), and take turns; a page counts only when it is the inbox (200 and its
 * heading), not a sign-in page.
 *
 * <p>The machine is shared: unless {@code -Dbench.ignore-load=true}, nothing is measured while the 1-minute load
 * average is {@code bench.max-load} (default 3) or more.
 *
 * <pre>
 * MOTCUA_PORT_OFFSET=500 ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.ConsoleInboxBenchmark \
 *     -Dbench.inbox.tasks=1000000 -Dbench.rate=20 -Dbench.seconds=60
 * -Dbench.inbox.action=drop removes every bench task (InboxBenchmark's and these).
 * </pre>
 */
public final class ConsoleInboxBenchmark {
    static final String HEADING = "Hồ sơ cần xử lý";
    /** The made-up procedure of the justice office's own bench tasks. */
    static final String JUSTICE = "BENCH-J";

    private ConsoleInboxBenchmark() {
    }

    record Figures(int rate, double seconds, long stored, long justice, int pages, double p50, double p95, double p99,
                   double max, Map<String, Integer> outcomes) {
        void print() {
            System.out.printf("console inbox page: open loop at %d/s for %.0f s; %d tasks stored, %d open at the justice office%n",
                    rate, seconds, stored, justice);
            System.out.printf("  latency ms from due time: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f (%d inbox pages); outcomes %s%n",
                    p50, p95, p99, max, pages, outcomes);
        }
    }

    public static void main(String[] args) throws Exception {
        if ("drop".equals(System.getProperty("bench.inbox.action"))) {
            System.out.printf("removed %d bench tasks%n", InboxBenchmark.drop() + InboxBenchmark.drop(JUSTICE));
            return;
        }
        double load = loadAverage();
        double maxLoad = Double.parseDouble(System.getProperty("bench.max-load", "3"));
        if (load >= maxLoad && !Boolean.getBoolean("bench.ignore-load")) {
            System.out.printf("not measured: the 1-minute load average is %.2f (at least %.1f); other work shares this"
                    + " machine, so the figure would be theirs. Run again when it is lower (or -Dbench.ignore-load=true).%n",
                    load, maxLoad);
            return;
        }
        InboxBenchmark.seed(Integer.getInteger("bench.inbox.tasks", 1_000_000));
        InboxBenchmark.seed(JUSTICE, "'TUPHAP-BADINH'", Integer.getInteger("bench.console.justice", 5_000));
        HttpClient http = BenchSupport.http();
        List<String> sessions = List.of(signIn(http, "tuphap1"), signIn(http, "tuphap2"));
        System.out.printf("load average before the run: %.2f%n", load);
        run(http, sessions, Integer.getInteger("bench.rate", 20), Integer.getInteger("bench.seconds", 60)).print();
        System.out.printf("load average after the run: %.2f%n", loadAverage());
    }

    static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /**
     * Signs in as a browser would (console → Keycloak's login form → back with the code) and returns the console's
     * cookies as a Cookie header.
     */
    static String signIn(HttpClient http, String user) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> response = get(http, Stack.CONSOLE + "/xu-ly", cookies);
        String login = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no redirect to sign in"));
        response = get(http, login, cookies);
        Matcher form = LOGIN_FORM.matcher(response.body());
        if (!form.find()) {
            throw new IllegalStateException("no login form at " + login);
        }
        String action = form.group(1).replace("&amp;", "&");
        response = http.send(HttpRequest.newBuilder(URI.create(action)).header("Cookie", header(cookies))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=")).build(),
                HttpResponse.BodyHandlers.ofString());
        remember(response.headers(), cookies);
        String next = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("sign-in refused for " + user));
        for (int hop = 0; hop < 5 && next != null; hop++) {
            response = get(http, next.startsWith("http") ? next : Stack.CONSOLE + next, cookies);
            next = response.statusCode() / 100 == 3 ? response.headers().firstValue("Location").orElse(null) : null;
        }
        if (response.statusCode() != 200 || !response.body().contains(HEADING)) {
            throw new IllegalStateException(user + " did not reach the inbox: " + response.statusCode());
        }
        return header(cookies);
    }

    private static HttpResponse<String> get(HttpClient http, String url, Map<String, String> cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", header(cookies));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response.headers(), cookies);
        return response;
    }

    /** Every host here is localhost, and cookies do not care about ports: one jar for Keycloak and the console. */
    private static void remember(HttpHeaders headers, Map<String, String> cookies) {
        for (String set : headers.allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean gone = value.isEmpty() || set.toLowerCase().contains("max-age=0");
            if (gone) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String header(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    static Figures run(HttpClient http, List<String> sessions, int rate, int seconds) throws Exception {
        long[] stored = InboxBenchmark.stored();
        for (int i = 0; i < 100; i++) { // warm-up: the first pages of a fresh JVM (templates, clients) are not the figure
            http.send(page(sessions.get(i % sessions.size()), i), HttpResponse.BodyHandlers.discarding());
        }
        BenchSupport.OpenLoop loop = BenchSupport.openLoop(http, rate, seconds, i -> page(sessions.get(i % sessions.size()), i),
                HttpResponse.BodyHandlers.ofString(), response -> response.statusCode() != 200 ? String.valueOf(response.statusCode())
                        : response.body().contains(HEADING) ? "inbox" : "other page", "inbox");
        long[] ok = loop.latencies();
        return new Figures(rate, loop.seconds(), stored[0], stored[1], ok.length, BenchSupport.pct(ok, 50),
                BenchSupport.pct(ok, 95), BenchSupport.pct(ok, 99), BenchSupport.max(ok), loop.outcomes());
    }

    /** Mostly the first page, as officers open their inbox; now and then a later one. */
    private static HttpRequest page(String session, int i) {
        return HttpRequest.newBuilder(URI.create(Stack.CONSOLE + "/xu-ly" + (i % 5 == 4 ? "?trang=" + (i % 10) : "")))
                .header("Cookie", session).timeout(Duration.ofSeconds(20)).GET().build();
    }
}
