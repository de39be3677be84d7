package vn.motcua.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.deploy.Deployment.list;
import static vn.motcua.deploy.Deployment.map;

/**
 * deploy/k8s/ against the services' real configuration: every Deployment's image, port, probes, resources
 * and environment (ConfigMaps and Secrets resolved: every variable a property the service reads, every
 * required setting present, secrets from Secrets), the Services, the kustomization and the Strimzi topics.
 */
class KubernetesManifestsTest {
    static final Path DIR = ServiceSettings.REPO.resolve("deploy/k8s");

    /** Every document of the deployment (kustomization's resources) plus the example Secrets and the operators'. */
    static List<Map<String, Object>> load() {
        List<Map<String, Object>> docs = new ArrayList<>();
        List<String> files = new ArrayList<>(list(map(Deployment.yaml().load(ServiceSettings.read(DIR.resolve("kustomization.yaml"))))
                .get("resources")).stream().map(String::valueOf).toList());
        files.addAll(List.of("secrets.example.yaml", "operators/kafka.yaml", "operators/postgres.yaml", "operators/keycloak.yaml"));
        for (String file : files) {
            for (Object doc : Deployment.yaml().loadAll(ServiceSettings.read(DIR.resolve(file)))) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    @Test
    void theCommittedManifestsHaveNoProblem() {
        assertEquals(List.of(), problems(load()));
    }

    @Test
    void aTypoInAConfigMapKeyIsFound() {
        List<Map<String, Object>> docs = load();
        Map<String, Object> data = map(find(docs, "ConfigMap", "notification-service-config").get("data"));
        data.put("MOTCUA_SMTP_HOSTNAME", data.remove("MOTCUA_SMTP_HOST"));
        List<String> problems = problems(docs);
        assertTrue(problems.contains("notification-service: MOTCUA_SMTP_HOSTNAME sets no property the service reads"), problems::toString);
        assertTrue(problems.contains("notification-service: MOTCUA_SMTP_HOST is not set"), problems::toString);
    }

    @Test
    void aWrongProbeOrPortOrAMissingSecretKeyIsFound() {
        List<Map<String, Object>> docs = load();
        Map<String, Object> container = container(find(docs, "Deployment", "routing-service"));
        map(map(container.get("livenessProbe")).get("httpGet")).put("path", "/q/health/ready");
        map(list(container.get("ports")).get(0)).put("containerPort", 8080);
        Map<String, Object> resultContainer = container(find(docs, "Deployment", "result-service"));
        list(resultContainer.get("env")).stream().map(Deployment::map)
                .filter(e -> "MOTCUA_RESULT_CITIZEN_LINK_KEY".equals(e.get("name")))
                .forEach(e -> map(map(e.get("valueFrom")).get("secretKeyRef")).put("key", "result-citizen-link-key"));
        List<String> problems = problems(docs);
        assertTrue(problems.contains("routing-service: liveness probe asks /q/health/ready, expected /q/health/live"), problems::toString);
        assertTrue(problems.contains("routing-service: container port 8080, the service listens on 8082"), problems::toString);
        assertTrue(problems.contains("result-service: MOTCUA_RESULT_CITIZEN_LINK_KEY reads motcua-keys/result-citizen-link-key, which no Secret has"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("intake and result read the citizen-link key from different secrets")), problems::toString);
    }

    @Test
    void aConsoleThatCannotReachAServiceOrWhoseCitizensShareABucketIsFound() {
        List<Map<String, Object>> docs = load();
        Map<String, Object> console = map(find(docs, "ConfigMap", "console-config").get("data"));
        console.put("QUARKUS_REST_CLIENT_INTAKE_URL", "http://intake:8081");
        console.remove("MOTCUA_CONSOLE_PUBLIC_URL");
        map(find(docs, "ConfigMap", "result-service-config").get("data")).remove("MOTCUA_RESULT_LOOKUP_TRUST_FORWARDED_FOR");
        List<String> problems = problems(docs);
        assertTrue(problems.contains("console: QUARKUS_REST_CLIENT_INTAKE_URL is http://intake:8081, the service is at http://intake-service:8081"), problems::toString);
        assertTrue(problems.contains("console: MOTCUA_CONSOLE_PUBLIC_URL is not set"), problems::toString);
        assertTrue(problems.contains("result-service: believes X-Forwarded-For from no proxy, so every citizen behind the console shares one bucket"), problems::toString);
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0));
    }

    /** Everything wrong with the parsed documents, as sentences. */
    static List<String> problems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        Map<String, Set<String>> secretKeys = new LinkedHashMap<>();
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (Map<String, Object> doc : docs) {
            String name = String.valueOf(map(doc.get("metadata")).get("name"));
            switch (String.valueOf(doc.get("kind"))) {
                case "ConfigMap" -> configMaps.put(name, map(doc.get("data")));
                case "Secret" -> {
                    Set<String> keys = new HashSet<>(map(doc.get("stringData")).keySet());
                    keys.addAll(map(doc.get("data")).keySet());
                    secretKeys.put(name, keys);
                }
                case "KafkaTopic" -> topics.put(name, ((Number) map(doc.get("spec")).get("partitions")).intValue());
                default -> { }
            }
        }
        if (!topics.equals(Deployment.localTopics())) {
            problems.add("the KafkaTopics are " + topics + ", the local stack's " + Deployment.localTopics());
        }
        Set<String> linkSources = new HashSet<>();
        for (String service : ServiceSettings.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            Map<String, Object> variables = deploymentProblems(problems, docs, configMaps, secretKeys, settings,
                    Deployment.required(service), Deployment.CONTRACT_PORTS.get(service));
            if (variables == null) {
                continue;
            }
            for (String link : Deployment.CITIZEN_LINK) {
                if (variables.containsKey(link)) {
                    linkSources.add(String.valueOf(variables.get(link)));
                }
            }
            for (String topic : settings.incomingTopics) {
                if (!topics.containsKey(topic)) {
                    problems.add(settings.applicationName + ": consumes " + topic + ", which no KafkaTopic creates");
                }
            }
        }
        Map<String, Object> console = deploymentProblems(problems, docs, configMaps, secretKeys,
                ServiceSettings.of(ServiceSettings.CONSOLE), Deployment.CONSOLE_REQUIRED, Deployment.CONTRACT_PORTS.get("console"));
        if (console != null) {
            Deployment.consoleClients(host -> host).forEach((variable, url) -> {
                if (console.containsKey(variable) && !url.equals(console.get(variable))) {
                    problems.add("console: " + variable + " is " + console.get(variable) + ", the service is at " + url);
                }
            });
            // The citizens' lookups all come from the console: result must believe X-Forwarded-For from it.
            Map<String, Object> result = configMaps.getOrDefault("result-service-config", Map.of());
            if (!"true".equals(result.get("MOTCUA_RESULT_LOOKUP_TRUST_FORWARDED_FOR"))
                    && String.valueOf(result.getOrDefault("MOTCUA_RESULT_LOOKUP_TRUSTED_PROXIES", "")).isBlank()) {
                problems.add("result-service: believes X-Forwarded-For from no proxy, so every citizen behind the console shares one bucket");
            }
        }
        if (linkSources.size() != 1) {
            problems.add("intake and result read the citizen-link key from different secrets: " + linkSources);
        }
        String common = String.valueOf(configMaps.get("motcua-common"));
        for (String address : List.of("motcua-db-rw:5432/motcua", "motcua-kafka-kafka-bootstrap:9092", "motcua-keycloak-service:8180/realms/motcua")) {
            if (!common.contains(address)) {
                problems.add("motcua-common does not point at " + address + " (the operators' services)");
            }
        }
        return problems;
    }

    /**
     * One Deployment against what its application reads: replicas, image, port, probes, memory, every variable a
     * setting it reads, every required one set and secrets from Secrets, and a Service on the contract's port.
     * Returns the resolved variables (a literal, or the Secret's "name/key"), or null without a Deployment.
     */
    private static Map<String, Object> deploymentProblems(List<String> problems, List<Map<String, Object>> docs,
                                                          Map<String, Map<String, Object>> configMaps,
                                                          Map<String, Set<String>> secretKeys, ServiceSettings settings,
                                                          List<String> required, int contractPort) {
        String name = settings.applicationName;
        Map<String, Object> deployment = docs.stream().filter(d -> "Deployment".equals(d.get("kind"))
                && name.equals(map(d.get("metadata")).get("name"))).findFirst().orElse(null);
        if (deployment == null) {
            problems.add("no Deployment " + name);
            return null;
        }
        Map<String, Object> spec = map(deployment.get("spec"));
        if (!(spec.get("replicas") instanceof Integer replicas) || replicas < 2) {
            problems.add(name + ": fewer than 2 replicas");
        }
        Map<String, Object> container = container(deployment);
        if (!String.valueOf(container.get("image")).startsWith("motcua/" + name + ":")) {
            problems.add(name + ": image " + container.get("image") + " is not motcua/" + name);
        }
        Map<String, Object> port = map(list(container.get("ports")).stream().findFirst().orElse(null));
        if (!Integer.valueOf(settings.httpPort).equals(port.get("containerPort")) || !"http".equals(port.get("name"))) {
            problems.add(name + ": container port " + port.get("containerPort") + ", the service listens on " + settings.httpPort);
        }
        probe(problems, name, container, "readinessProbe", "readiness", "/q/health/ready");
        probe(problems, name, container, "livenessProbe", "liveness", "/q/health/live");
        probe(problems, name, container, "startupProbe", "startup", "/q/health/started");
        Map<String, Object> resources = map(container.get("resources"));
        for (String bound : List.of("requests", "limits")) {
            if (!map(resources.get(bound)).containsKey("memory")) {
                problems.add(name + ": no memory " + bound);
            }
        }
        Map<String, Object> variables = new LinkedHashMap<>(); // name → literal value or the Secret "name/key"
        for (Object from : list(container.get("envFrom"))) {
            String configMap = String.valueOf(map(map(from).get("configMapRef")).get("name"));
            if (!configMaps.containsKey(configMap)) {
                problems.add(name + ": envFrom names the ConfigMap " + configMap + ", which does not exist");
            } else {
                variables.putAll(configMaps.get(configMap));
            }
        }
        Set<String> fromSecrets = new HashSet<>();
        for (Object e : list(container.get("env"))) {
            Map<String, Object> entry = map(e);
            String variable = String.valueOf(entry.get("name"));
            Map<String, Object> ref = map(map(entry.get("valueFrom")).get("secretKeyRef"));
            if (!ref.isEmpty()) {
                String source = ref.get("name") + "/" + ref.get("key");
                if (!secretKeys.getOrDefault(String.valueOf(ref.get("name")), Set.of()).contains(String.valueOf(ref.get("key")))) {
                    problems.add(name + ": " + variable + " reads " + source + ", which no Secret has");
                }
                fromSecrets.add(variable);
                variables.put(variable, source);
            } else {
                variables.put(variable, entry.get("value"));
            }
        }
        for (String variable : variables.keySet()) {
            if (!settings.reads(variable) && !Deployment.RUNTIME_ENV.contains(variable)) {
                problems.add(name + ": " + variable + " sets no property the service reads");
            }
        }
        for (String property : required) {
            String variable = ServiceSettings.envName(property);
            if (!variables.containsKey(variable)) {
                problems.add(name + ": " + variable + " is not set");
            } else if (Deployment.SECRETS.contains(property) && !fromSecrets.contains(variable)) {
                problems.add(name + ": " + variable + " is a secret but does not come from a Secret");
            }
        }
        Map<String, Object> k8sService = docs.stream().filter(d -> "Service".equals(d.get("kind"))
                && name.equals(map(d.get("metadata")).get("name"))).findFirst().orElse(Map.of());
        Map<String, Object> servicePort = map(list(map(k8sService.get("spec")).get("ports")).stream().findFirst().orElse(null));
        if (!Integer.valueOf(contractPort).equals(servicePort.get("port")) || !"http".equals(servicePort.get("targetPort"))) {
            problems.add(name + ": no Service on the contract's port " + contractPort + " to the container's http port");
        }
        return variables;
    }

    private static void probe(List<String> problems, String name, Map<String, Object> container, String key, String what, String path) {
        Map<String, Object> get = map(map(container.get(key)).get("httpGet"));
        if (!path.equals(get.get("path"))) {
            problems.add(name + ": " + what + " probe asks " + get.get("path") + ", expected " + path);
        }
        if (!"http".equals(get.get("port"))) {
            problems.add(name + ": " + what + " probe is not on the http port");
        }
    }
}
