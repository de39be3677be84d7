package vn.motcua.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every deployment of motcua must set, and the facts both deployment files are checked against. */
final class Deployment {
    private Deployment() {
    }

    /** Every service: its database, Kafka, Keycloak (the realm's URL and its confidential client's secret). */
    static final List<String> COMMON_REQUIRED = List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password", "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url",
            "quarkus.oidc.credentials.secret");

    /** Per service on top of the common ones: the HMAC keys (their committed values are development keys) and SMTP. */
    static final Map<String, List<String>> SERVICE_REQUIRED = Map.of(
            "intake", List.of("motcua.intake.pin-key", "motcua.intake.citizen-link-key", "motcua.files.s3.bucket",
                    "motcua.files.s3.access-key", "motcua.files.s3.secret-key"),
            "routing", List.of(),
            "result", List.of("motcua.result.pin-key", "motcua.result.citizen-link-key"),
            "notification", List.of("MOTCUA_SMTP_HOST", "MOTCUA_SMTP_PORT"));

    /**
     * The console: Keycloak's realm and its client's secret (which also seals its cookies), the four services'
     * addresses, and the public address citizens reach.
     */
    static final List<String> CONSOLE_REQUIRED = List.of("quarkus.oidc.auth-server-url", "MOTCUA_CONSOLE_CLIENT_SECRET",
            "quarkus.rest-client.intake.url", "quarkus.rest-client.routing.url", "quarkus.rest-client.result.url",
            "quarkus.rest-client.notification.url", "motcua.console.public-url");

    /** Settings that must come from a secret and never have a default in a deployment file. */
    static final Set<String> SECRETS = Set.of("quarkus.datasource.password", "quarkus.oidc.credentials.secret",
            "motcua.intake.pin-key", "motcua.intake.citizen-link-key", "motcua.result.pin-key",
            "motcua.result.citizen-link-key", "MOTCUA_CONSOLE_CLIENT_SECRET", "motcua.files.s3.secret-key");

    /** The two settings that must hold the same secret: intake computes the citizen link, result checks it. */
    static final List<String> CITIZEN_LINK = List.of("MOTCUA_INTAKE_CITIZEN_LINK_KEY", "MOTCUA_RESULT_CITIZEN_LINK_KEY");

    /** Environment variables that are not configuration properties but read by the image's start script. */
    static final Set<String> RUNTIME_ENV = Set.of("JAVA_OPTS_APPEND");

    /** The contract's ports (ARCHITECTURE.md). */
    static final Map<String, Integer> CONTRACT_PORTS = Map.of("intake", 8081, "routing", 8082, "result", 8083,
            "notification", 8084, "keycloak", 8180, "kafka", 9092, "postgres", 5432, "console", 8080);

    /** The REST client URL the console must be given for each service, by the service's host name there. */
    static Map<String, String> consoleClients(java.util.function.Function<String, String> host) {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        for (String service : ServiceSettings.SERVICES) {
            urls.put("QUARKUS_REST_CLIENT_" + service.toUpperCase(java.util.Locale.ROOT) + "_URL",
                    "http://" + host.apply(ServiceSettings.of(service).applicationName) + ":" + CONTRACT_PORTS.get(service));
        }
        return urls;
    }

    static List<String> required(String service) {
        List<String> all = new ArrayList<>(COMMON_REQUIRED);
        all.addAll(SERVICE_REQUIRED.get(service));
        return all;
    }

    /** The topics and partition counts the local stack creates (TOPICS in deploy/local/lib.sh or up.sh), the reference. */
    static Map<String, Integer> localTopics() {
        String scripts = ServiceSettings.read(ServiceSettings.REPO.resolve("deploy/local/lib.sh"))
                + ServiceSettings.read(ServiceSettings.REPO.resolve("deploy/local/up.sh"));
        Matcher block = Pattern.compile("TOPICS=\\(([^)]*)\\)").matcher(scripts);
        if (!block.find()) {
            throw new AssertionError("no TOPICS=(...) in deploy/local/lib.sh or up.sh");
        }
        return topicSpecs(block.group(1));
    }

    /** "name:partitions" pairs in a text, in order. */
    static Map<String, Integer> topicSpecs(String text) {
        Map<String, Integer> topics = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("(motcua\\.[a-z.]+):(\\d+)").matcher(text);
        while (m.find()) {
            topics.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return topics;
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // a key written twice (the second silently wins) is a mistake
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }
}
