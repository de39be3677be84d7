package vn.motcua.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service really reads, taken from its sources, not from a list kept by hand: the keys of its
 * application.properties and of the platform's META-INF/microprofile-config.properties, the properties of
 * the {@code @ConfigMapping} interfaces (platform's and its own), {@code @ConfigProperty} names and the
 * {@code ${NAME:default}} expressions they use. A deployment may set exactly these (in environment form).
 */
public final class ServiceSettings {
    /** Repository root: -Dmotcua.repo (surefire sets it), else the parent of the working directory. */
    public static final Path REPO = Path.of(System.getProperty("motcua.repo", "..")).toAbsolutePath().normalize();
    public static final List<String> SERVICES = List.of("intake", "routing", "result", "notification");
    /** The web console (module console/): no database, no Kafka, not built on the platform module. */
    public static final String CONSOLE = "console";

    /**
     * Extension settings a deployment sets that no committed file may carry a value for: the confidential
     * client's secret of the realm (quarkus-oidc), an SMTP relay's login (quarkus-mailer). Everything else
     * must be found in the sources.
     */
    static final Set<String> EXTENSION_SETTINGS = Set.of("quarkus.oidc.credentials.secret",
            "quarkus.mailer.username", "quarkus.mailer.password");

    public final String service;
    /** quarkus.application.name, e.g. intake-service: the image, the Deployment, the OIDC client. */
    public final String applicationName;
    public final int httpPort;
    /** environment variable name → the property it sets. */
    public final Map<String, String> byEnvName;
    /** The topics the service consumes (mp.messaging.incoming.*.topic). */
    public final Set<String> incomingTopics;
    public final Properties applicationProperties;

    private ServiceSettings(String service) {
        this.service = service;
        boolean console = CONSOLE.equals(service);
        Path module = REPO.resolve(console ? service : service + "-service");
        applicationProperties = load(module.resolve("src/main/resources/application.properties"));
        Properties platform = console ? new Properties()
                : load(REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        applicationName = applicationProperties.getProperty("quarkus.application.name");
        httpPort = Integer.parseInt(applicationProperties.getProperty("quarkus.http.port"));

        Set<String> names = new TreeSet<>(EXTENSION_SETTINGS);
        for (Properties p : List.of(platform, applicationProperties)) {
            for (String key : p.stringPropertyNames()) {
                names.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
                names.addAll(expressions(p.getProperty(key)));
            }
        }
        for (Path sources : console ? List.of(module.resolve("src/main/java"))
                : List.of(REPO.resolve("platform/src/main/java"), module.resolve("src/main/java"))) {
            for (Path java : javaFiles(sources)) {
                String text = read(java);
                names.addAll(configMapping(text));
                Matcher m = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"").matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
                names.addAll(expressions(text));
            }
        }
        Map<String, String> env = new TreeMap<>();
        names.forEach(name -> env.put(envName(name), name));
        byEnvName = Map.copyOf(env);

        Set<String> topics = new TreeSet<>();
        applicationProperties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic"))
                .forEach(k -> topics.add(applicationProperties.getProperty(k)));
        incomingTopics = Set.copyOf(topics);
    }

    private static final Map<String, ServiceSettings> CACHE = new LinkedHashMap<>();

    public static synchronized ServiceSettings of(String service) {
        return CACHE.computeIfAbsent(service, ServiceSettings::new);
    }

    /** Whether the service reads the property this environment variable sets. */
    public boolean reads(String envName) {
        return byEnvName.containsKey(envName);
    }

    /** MicroProfile Config's rule: the property name upper-cased, every other character an underscore. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Names used in {@code ${name}} or {@code ${name:default}} expressions. */
    static Set<String> expressions(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9._\\-]+)(?::[^}]*)?}").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:default\\s+)?([\\w.<>, ?]+?)\\s+(\\w+)\\(\\)\\s*[;{]");

    /**
     * The properties of a {@code @ConfigMapping} interface: each no-argument method is a property named in
     * kebab case under the prefix; a method returning a nested interface is a group of further properties.
     */
    static Set<String> configMapping(String source) {
        Matcher prefix = PREFIX.matcher(source);
        if (!prefix.find()) {
            return Set.of();
        }
        // interface name → its methods (return type, name), nested interfaces read by brace depth
        Map<String, List<String[]>> members = new LinkedHashMap<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> openDepth = new ArrayDeque<>();
        int depth = 0;
        String top = null;
        for (String code : withoutComments(source).lines().toList()) {
            Matcher i = INTERFACE.matcher(code);
            if (i.find()) {
                open.push(i.group(1));
                openDepth.push(depth);
                members.put(i.group(1), new java.util.ArrayList<>());
                if (top == null) {
                    top = i.group(1);
                }
            } else if (!open.isEmpty() && depth == openDepth.peek() + 1) {
                Matcher m = METHOD.matcher(code);
                if (m.find() && !code.contains("static ")) {
                    members.get(open.peek()).add(new String[]{m.group(1).trim(), m.group(2)});
                }
            }
            for (char c : code.toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (!open.isEmpty() && depth == openDepth.peek()) {
                        open.pop();
                        openDepth.pop();
                    }
                }
            }
        }
        Set<String> names = new TreeSet<>();
        expand(prefix.group(1), top, members, names);
        return names;
    }

    /**
     * Java source with its comments blanked out (line breaks kept, so lines stay lines) and string and character
     * literals left alone: a {@code //} or a brace inside a Javadoc sentence or a URL is not code.
     */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            char next = i + 1 < n ? source.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                if (i < n) {
                    out.append('\n');
                }
            } else if (c == '/' && next == '*') {
                i += 2;
                while (i < n && !(source.charAt(i) == '*' && i + 1 < n && source.charAt(i + 1) == '/')) {
                    if (source.charAt(i) == '\n') {
                        out.append('\n');
                    }
                    i++;
                }
                i++; // the closing slash
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end - 1;
            } else if (c == '"' || c == '\'') {
                out.append(c);
                for (i++; i < n && source.charAt(i) != c; i++) {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        out.append(source.charAt(i++));
                    }
                    out.append(source.charAt(i));
                }
                if (i < n) {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void expand(String prefix, String type, Map<String, List<String[]>> members, Set<String> names) {
        for (String[] method : members.getOrDefault(type, List.of())) {
            String name = prefix + "." + kebab(method[1]);
            if (members.containsKey(method[0])) {
                expand(name, method[0], members, names);
            } else {
                names.add(name);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static Properties load(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
