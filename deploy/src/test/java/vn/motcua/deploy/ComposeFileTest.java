package vn.motcua.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.deploy.Deployment.list;
import static vn.motcua.deploy.Deployment.map;

/**
 * deploy/compose/compose.yaml against the services' real configuration (no Docker here to run it): every
 * service, port, environment variable and health check. The checks return problems; the tests assert none
 * for the committed file and at least the expected one for a file with a plausible mistake.
 */
class ComposeFileTest {
    static final Path FILE = ServiceSettings.REPO.resolve("deploy/compose/compose.yaml");

    static Map<String, Object> load() {
        return map(Deployment.yaml().load(ServiceSettings.read(FILE)));
    }

    @Test
    void theCommittedComposeFileHasNoProblem() {
        assertEquals(List.of(), problems(load()));
    }

    @Test
    void aTypoInAnEnvironmentVariableIsFound() {
        Map<String, Object> compose = load();
        Map<String, Object> env = env(compose, "intake-service");
        env.put("MOTCUA_INTAKE_PINKEY", env.remove("MOTCUA_INTAKE_PIN_KEY"));
        List<String> problems = problems(compose);
        assertTrue(problems.contains("intake-service: MOTCUA_INTAKE_PINKEY sets no property the service reads"), problems::toString);
        assertTrue(problems.contains("intake-service: motcua.intake.pin-key (MOTCUA_INTAKE_PIN_KEY) is not set"), problems::toString);
    }

    @Test
    void aWrongPortOrHealthCheckIsFound() {
        Map<String, Object> compose = load();
        map(map(compose.get("services")).get("routing-service")).put("ports", List.of("8082:8080"));
        map(map(map(compose.get("services")).get("result-service")).get("healthcheck"))
                .put("test", List.of("CMD", "curl", "-fsS", "http://localhost:8083/q/health"));
        List<String> problems = problems(compose);
        assertTrue(problems.contains("routing-service: publishes [8082:8080], expected 8082:8082"), problems::toString);
        assertTrue(problems.contains("result-service: health check does not ask http://localhost:8083/q/health/ready"), problems::toString);
    }

    @Test
    void aSecretWithADefaultOrTwoCitizenLinkKeysAreFound() {
        Map<String, Object> compose = load();
        env(compose, "result-service").put("MOTCUA_RESULT_CITIZEN_LINK_KEY", "${MOTCUA_RESULT_LINK_KEY:-changeme}");
        List<String> problems = problems(compose);
        assertTrue(problems.contains("result-service: MOTCUA_RESULT_CITIZEN_LINK_KEY is a secret but has a default or a literal value"), problems::toString);
        assertTrue(problems.contains("intake and result take the citizen-link key from different variables: [MOTCUA_CITIZEN_LINK_KEY, MOTCUA_RESULT_LINK_KEY]"), problems::toString);
    }

    @Test
    void aConsoleThatCannotReachAServiceOrIsNotTrustedByResultIsFound() {
        Map<String, Object> compose = load();
        env(compose, "console").put("QUARKUS_REST_CLIENT_RESULT_URL", "http://localhost:8083");
        env(compose, "console").put("MOTCUA_CONSOLE_SECRET", "${CONSOLE_CLIENT_SECRET:?}");
        env(compose, "console").put("MOTCUA_CONSOLE_CLIENT_SECRET", "motcua-console-dev-secret-change-me-in-production");
        env(compose, "result-service").put("MOTCUA_RESULT_LOOKUP_TRUSTED_PROXIES", "${MOTCUA_RESULT_TRUSTED_PROXIES:-}");
        map(map(compose.get("services")).get("console")).put("ports", List.of("80:8080"));
        List<String> problems = problems(compose);
        assertTrue(problems.contains("console: QUARKUS_REST_CLIENT_RESULT_URL is http://localhost:8083, the service is at http://result-service:8083"), problems::toString);
        assertTrue(problems.contains("console: MOTCUA_CONSOLE_SECRET sets no property the console reads"), problems::toString);
        assertTrue(problems.contains("console: MOTCUA_CONSOLE_CLIENT_SECRET is a secret but has a default or a literal value"), problems::toString);
        assertTrue(problems.contains("console: publishes [80:8080], expected 8080:8080"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("result-service: trusts X-Forwarded-For from")), problems::toString);
    }

    @Test
    void aMissingTopicOrPartitionCountIsFound() {
        Map<String, Object> compose = load();
        Map<String, Object> topics = map(map(compose.get("services")).get("kafka-topics"));
        topics.put("command", List.of(String.valueOf(list(topics.get("command")).get(0)).replace("motcua.routing.events:16", "motcua.routing.events:1")));
        List<String> problems = problems(compose);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("kafka-topics creates")), problems::toString);
    }

    private static Map<String, Object> env(Map<String, Object> compose, String service) {
        return map(map(map(compose.get("services")).get(service)).get("environment"));
    }

    /** Everything wrong with a parsed compose file, as sentences. */
    static List<String> problems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        for (String infra : List.of("postgres", "kafka", "kafka-topics", "keycloak", "greenmail")) {
            if (!services.containsKey(infra)) {
                problems.add("no service " + infra);
            }
        }
        port(problems, services, "postgres", 5432, 5432);
        port(problems, services, "kafka", 9092, 9092);
        port(problems, services, "keycloak", 8180, 8180);
        String keycloakCommand = String.valueOf(map(services.get("keycloak")).get("command"));
        if (!keycloakCommand.contains("--http-port=8180") || !keycloakCommand.contains("--import-realm")) {
            problems.add("keycloak: does not listen on 8180 or does not import the realm: " + keycloakCommand);
        }
        if (!String.valueOf(map(services.get("keycloak")).get("volumes")).contains("../keycloak/motcua-realm.json:/opt/keycloak/data/import/")) {
            problems.add("keycloak: the realm file deploy/keycloak/motcua-realm.json is not mounted for import");
        }
        // The same versions as the local stack the system tests run against (deploy/local/lib.sh).
        String lib = ServiceSettings.read(ServiceSettings.REPO.resolve("deploy/local/lib.sh"));
        for (String[] image : new String[][]{{"kafka", "apache/kafka:", "KAFKA_VERSION"},
                {"keycloak", "quay.io/keycloak/keycloak:", "KEYCLOAK_VERSION"}, {"greenmail", "greenmail/standalone:", "GREENMAIL_VERSION"}}) {
            Matcher version = Pattern.compile("(?m)^" + image[2] + "=(\\S+)").matcher(lib);
            String expected = image[1] + (version.find() ? version.group(1) : "?");
            if (!expected.equals(map(services.get(image[0])).get("image"))) {
                problems.add(image[0] + ": image " + map(services.get(image[0])).get("image") + ", the local stack runs " + expected);
            }
        }
        Map<String, Integer> topics = Deployment.topicSpecs(String.valueOf(map(services.get("kafka-topics")).get("command")));
        if (!topics.equals(Deployment.localTopics())) {
            problems.add("kafka-topics creates " + topics + ", the local stack " + Deployment.localTopics());
        }
        String advertised = String.valueOf(env(compose, "kafka").get("KAFKA_ADVERTISED_LISTENERS"));
        Map<String, Object> volumes = map(compose.get("volumes"));
        for (String stateful : List.of("postgres", "kafka")) {
            boolean named = list(map(services.get(stateful)).get("volumes")).stream()
                    .map(String::valueOf).map(v -> v.split(":")[0]).anyMatch(volumes::containsKey);
            if (!named) {
                problems.add(stateful + ": its data is on no named volume");
            }
        }
        // Every service another one waits for "healthy" has a health check.
        for (var entry : services.entrySet()) {
            for (var dependency : map(map(entry.getValue()).get("depends_on")).entrySet()) {
                String condition = String.valueOf(map(dependency.getValue()).get("condition"));
                if (condition.equals("service_healthy") && !map(services.get(dependency.getKey())).containsKey("healthcheck")) {
                    problems.add(entry.getKey() + ": waits for " + dependency.getKey() + " to be healthy, which has no health check");
                }
            }
        }

        List<String> linkVariables = new ArrayList<>();
        for (String service : ServiceSettings.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            String name = settings.applicationName;
            Map<String, Object> definition = map(services.get(name));
            if (definition.isEmpty()) {
                problems.add("no service " + name);
                continue;
            }
            int contract = Deployment.CONTRACT_PORTS.get(service);
            if (settings.httpPort != contract) {
                problems.add(name + ": quarkus.http.port is " + settings.httpPort + ", the contract says " + contract);
            }
            port(problems, services, name, contract, settings.httpPort);
            String image = String.valueOf(definition.get("image"));
            if (!image.startsWith("motcua/" + name + ":")) {
                problems.add(name + ": image " + image + " is not the one the container-image build makes (motcua/" + name + ")");
            }
            String health = String.valueOf(map(definition.get("healthcheck")).get("test"));
            if (!health.contains("http://localhost:" + settings.httpPort + "/q/health/ready")) {
                problems.add(name + ": health check does not ask http://localhost:" + settings.httpPort + "/q/health/ready");
            }
            Map<String, Object> depends = map(definition.get("depends_on"));
            for (String dependency : List.of("postgres", "keycloak")) {
                if (!"service_healthy".equals(map(depends.get(dependency)).get("condition"))) {
                    problems.add(name + ": does not wait for " + dependency + " to be healthy");
                }
            }
            if (!"service_completed_successfully".equals(map(depends.get("kafka-topics")).get("condition"))) {
                problems.add(name + ": does not wait for the topics");
            }
            Map<String, Object> env = map(definition.get("environment"));
            for (String variable : env.keySet()) {
                if (!settings.reads(variable) && !Deployment.RUNTIME_ENV.contains(variable)) {
                    problems.add(name + ": " + variable + " sets no property the service reads");
                }
            }
            for (String property : Deployment.required(service)) {
                String variable = ServiceSettings.envName(property);
                if (!settings.reads(variable)) {
                    problems.add(name + ": required " + property + " is no longer read by the service");
                }
                if (!env.containsKey(variable)) {
                    problems.add(name + ": " + property + " (" + variable + ") is not set");
                } else if (Deployment.SECRETS.contains(property) && !requiredVariable(env.get(variable))) {
                    problems.add(name + ": " + variable + " is a secret but has a default or a literal value");
                }
            }
            for (String link : Deployment.CITIZEN_LINK) {
                if (env.containsKey(link)) {
                    linkVariables.add(variableName(env.get(link)));
                }
            }
            String jdbc = String.valueOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            if (!jdbc.equals("jdbc:postgresql://postgres:5432/motcua")) {
                problems.add(name + ": datasource " + jdbc + " is not the postgres service's database motcua");
            }
            String bootstrap = String.valueOf(env.get("KAFKA_BOOTSTRAP_SERVERS"));
            if (!advertised.contains("//" + bootstrap)) {
                problems.add(name + ": Kafka bootstrap " + bootstrap + " is not a listener the broker advertises (" + advertised + ")");
            }
            if (!String.valueOf(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).equals("http://keycloak:8180/realms/motcua")) {
                problems.add(name + ": OIDC server is not the keycloak service's realm motcua");
            }
            for (String topic : settings.incomingTopics) {
                if (!topics.containsKey(topic)) {
                    problems.add(name + ": consumes " + topic + ", which kafka-topics does not create");
                }
            }
        }
        if (linkVariables.size() != 2 || !Objects.equals(linkVariables.get(0), linkVariables.get(1))) {
            problems.add("intake and result take the citizen-link key from different variables: " + linkVariables);
        }
        consoleProblems(problems, services);
        return problems;
    }

    /** The console: its image, port, health check, what it waits for, its settings, and that result trusts it. */
    static void consoleProblems(List<String> problems, Map<String, Object> services) {
        ServiceSettings settings = ServiceSettings.of(ServiceSettings.CONSOLE);
        Map<String, Object> console = map(services.get("console"));
        if (console.isEmpty()) {
            problems.add("no service console");
            return;
        }
        port(problems, services, "console", Deployment.CONTRACT_PORTS.get("console"), settings.httpPort);
        if (!String.valueOf(console.get("image")).startsWith("motcua/console:")) {
            problems.add("console: image " + console.get("image") + " is not the one the container-image build makes (motcua/console)");
        }
        if (!String.valueOf(map(console.get("healthcheck")).get("test")).contains("http://localhost:" + settings.httpPort + "/q/health/ready")) {
            problems.add("console: health check does not ask http://localhost:" + settings.httpPort + "/q/health/ready");
        }
        Map<String, Object> depends = map(console.get("depends_on"));
        for (String dependency : List.of("keycloak", "intake-service", "routing-service", "result-service", "notification-service")) {
            if (!"service_healthy".equals(map(depends.get(dependency)).get("condition"))) {
                problems.add("console: does not wait for " + dependency + " to be healthy");
            }
        }
        Map<String, Object> env = map(console.get("environment"));
        for (String variable : env.keySet()) {
            if (!settings.reads(variable) && !Deployment.RUNTIME_ENV.contains(variable)) {
                problems.add("console: " + variable + " sets no property the console reads");
            }
        }
        for (String property : Deployment.CONSOLE_REQUIRED) {
            String variable = ServiceSettings.envName(property);
            if (!settings.reads(variable)) {
                problems.add("console: required " + property + " is no longer read by the console");
            } else if (!env.containsKey(variable)) {
                problems.add("console: " + property + " (" + variable + ") is not set");
            } else if (Deployment.SECRETS.contains(property) && !requiredVariable(env.get(variable))) {
                problems.add("console: " + variable + " is a secret but has a default or a literal value");
            }
        }
        Deployment.consoleClients(host -> host).forEach((variable, url) -> {
            if (env.containsKey(variable) && !url.equals(env.get(variable))) {
                problems.add("console: " + variable + " is " + env.get(variable) + ", the service is at " + url);
            }
        });
        if (!"http://keycloak:8180/realms/motcua".equals(env.get("QUARKUS_OIDC_AUTH_SERVER_URL"))) {
            problems.add("console: OIDC server is not the keycloak service's realm motcua");
        }
        // The citizens' lookups all come from the console: result must believe its X-Forwarded-For, and only its.
        String address = String.valueOf(map(map(map(console.get("networks")).get("default"))).get("ipv4_address"));
        Object trusted = map(map(services.get("result-service")).get("environment")).get("MOTCUA_RESULT_LOOKUP_TRUSTED_PROXIES");
        String trustedDefault = String.valueOf(trusted).replaceAll("^\\$\\{\\w+:-(.*)}$", "$1");
        if (!List.of(trustedDefault.split(",")).contains(address)) {
            problems.add("result-service: trusts X-Forwarded-For from " + trusted + ", not from the console's fixed address " + address);
        }
    }

    private static void port(List<String> problems, Map<String, Object> services, String name, int host, int container) {
        List<String> ports = list(map(services.get(name)).get("ports")).stream().map(String::valueOf).toList();
        if (!ports.contains(host + ":" + container)) {
            problems.add(name + ": publishes " + ports + ", expected " + host + ":" + container);
        }
    }

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("^\\$\\{(\\w+):?\\?[^}]*}$");

    /** ${NAME:?message} or ${NAME?message}: compose refuses to start without it, and there is no default. */
    private static boolean requiredVariable(Object value) {
        return REQUIRED_VARIABLE.matcher(String.valueOf(value)).matches();
    }

    private static String variableName(Object value) {
        Matcher m = Pattern.compile("^\\$\\{(\\w+)").matcher(String.valueOf(value));
        return m.find() ? m.group(1) : String.valueOf(value);
    }
}
