package vn.motcua.shared.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/asyncapi.yaml and the Java event types cannot drift: every registered type has a message of the
 * same name on its topic's channel with the same fields (names, required or optional, JSON types, formats,
 * enum values, nesting), and every message in the document is a registered type. On failure the test
 * lists each difference and writes the document the Java types imply to
 * {@code target/asyncapi-from-java.yaml}, to copy schemas from.
 */
class AsyncApiContractTest {
    static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");
    static final Path IMPLIED = Path.of("target/asyncapi-from-java.yaml");

    private static Map<String, Object> doc;

    @BeforeAll
    static void load() throws IOException {
        writeImpliedDocument();
        assertTrue(Files.exists(DOCUMENT), "no AsyncAPI document at " + DOCUMENT.toAbsolutePath());
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        doc = new Yaml(options).load(Files.readString(DOCUMENT));
    }

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", doc.get("asyncapi"));
        assertTrue(map(doc, "info").containsKey("title"));
        assertTrue(map(doc, "info").containsKey("version"));
    }

    @Test
    void everyTopicIsAChannelAndEveryChannelATopic() {
        Set<String> addresses = new TreeSet<>();
        map(doc, "channels").values().forEach(c -> addresses.add((String) ((Map<?, ?>) c).get("address")));
        assertEquals(new TreeSet<>(Topics.ALL), addresses, "channel addresses vs Topics.ALL");
    }

    @Test
    void messagesAndJavaTypesMatchInBothDirections() {
        List<String> differences = new ArrayList<>();
        JavaSchemas java = new JavaSchemas();

        // Document side: type name -> (channel address, data schema, message, message path).
        Map<String, DocMessage> documented = new LinkedHashMap<>();
        map(doc, "channels").forEach((channelId, c) -> {
            Map<String, Object> channel = cast(c);
            String address = (String) channel.get("address");
            Map<String, Object> messages = channel.containsKey("messages") ? map(channel, "messages") : Map.of();
            messages.forEach((messageId, m) -> {
                String where = "channels." + channelId + ".messages." + messageId;
                Map<String, Object> message = resolve(cast(m));
                Object name = message.get("name");
                if (!(name instanceof String typeName)) {
                    differences.add(where + ": message has no name (the CloudEvents type)");
                    return;
                }
                DocMessage previous = documented.put(typeName, new DocMessage(address, message, where));
                if (previous != null) {
                    differences.add(typeName + ": documented twice, at " + previous.where() + " and " + where);
                }
            });
        });

        for (EventType<?> type : EventTypes.ALL) {
            DocMessage message = documented.get(type.type());
            if (message == null) {
                differences.add(type.type() + " (" + type.payloadClass().getSimpleName() + " on " + type.topic()
                        + "): no message of this name in " + DOCUMENT + "; see " + IMPLIED);
                continue;
            }
            if (!type.topic().equals(message.address())) {
                differences.add(type.type() + ": on channel " + message.address() + " in the document, on "
                        + type.topic() + " in Java");
            }
            checkEnvelope(type, message, differences);
            Map<String, Object> data = dataSchema(message, differences);
            if (data != null) {
                compare(type.type() + ": data", java.describe(type.payloadClass()), data, java, differences);
            }
        }
        for (var entry : documented.entrySet()) {
            if (EventTypes.byType(entry.getKey()).isEmpty()) {
                differences.add(entry.getKey() + ": documented at " + entry.getValue().where()
                        + " but not registered in EventTypes");
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s) between " + DOCUMENT + " and the Java event types:\n  "
                    + String.join("\n  ", differences));
        }
    }

    @Test
    void operationsSendEveryMessageOfTheirChannel() {
        Map<String, Set<String>> sent = new LinkedHashMap<>();
        map(doc, "operations").forEach((id, o) -> {
            Map<String, Object> operation = cast(o);
            assertEquals("send", operation.get("action"), "operation " + id);
            String channelRef = (String) map(operation, "channel").get("$ref");
            Set<String> refs = new HashSet<>();
            for (Object m : (List<?>) operation.get("messages")) {
                refs.add((String) ((Map<?, ?>) m).get("$ref"));
            }
            sent.put(channelRef, refs);
        });
        map(doc, "channels").forEach((channelId, c) -> {
            String ref = "#/channels/" + channelId;
            Set<String> expected = new HashSet<>();
            map(cast(c), "messages").keySet().forEach(m -> expected.add(ref + "/messages/" + m));
            assertEquals(expected, sent.get(ref), "messages sent by the operation on " + ref);
        });
    }

    @Test
    void theEnvelopeSchemaHasTheCloudEventAttributes() {
        Map<String, Object> envelope = schema("CloudEvent");
        Set<String> javaAttributes = new TreeSet<>();
        for (RecordComponent c : CloudEvent.class.getRecordComponents()) {
            javaAttributes.add(c.getName());
        }
        assertEquals(javaAttributes, new TreeSet<>(map(envelope, "properties").keySet()), "envelope attributes");
        assertTrue(((List<?>) envelope.get("required")).containsAll(List.of("specversion", "id", "source", "type")));
    }

    private record DocMessage(String address, Map<String, Object> message, String where) {
    }

    /** The message must be a CloudEvent whose type is its name, keyed by dossier code or the item's code. */
    private void checkEnvelope(EventType<?> type, DocMessage message, List<String> differences) {
        List<Map<String, Object>> parts = allOf(message, differences);
        if (parts == null) {
            return;
        }
        boolean envelope = parts.stream().anyMatch(p -> (REF + "CloudEvent").equals(p.get("$ref")));
        if (!envelope) {
            differences.add(type.type() + ": payload is not allOf the CloudEvent envelope schema");
        }
        Object typeConst = parts.stream().filter(p -> p.containsKey("properties"))
                .map(p -> cast(map(p, "properties").getOrDefault("type", Map.of())).get("const"))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (!type.type().equals(typeConst)) {
            differences.add(type.type() + ": envelope 'type' const is " + typeConst);
        }
        String expectedKey = type.topic().equals(Topics.CATALOG) ? "catalogKey"
                    : type.topic().equals(Topics.AGENCY) ? "agencyKey" : "dossierKey";
        Object traits = message.message().get("traits");
        boolean keyed = traits instanceof List<?> list && list.stream()
                .anyMatch(t -> ("#/components/messageTraits/" + expectedKey).equals(((Map<?, ?>) t).get("$ref")));
        if (!keyed) {
            differences.add(type.type() + ": message lacks the trait " + expectedKey + " (its Kafka key)");
        }
    }

    private static final String REF = "#/components/schemas/";

    private List<Map<String, Object>> allOf(DocMessage message, List<String> differences) {
        Object payload = message.message().get("payload");
        if (!(payload instanceof Map<?, ?> p) || !(p.get("allOf") instanceof List<?> parts)) {
            differences.add(message.where() + ": payload must be allOf [CloudEvent envelope, {type, data}]");
            return null;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        parts.forEach(part -> result.add(cast(part)));
        return result;
    }

    private Map<String, Object> dataSchema(DocMessage message, List<String> differences) {
        List<Map<String, Object>> parts = allOf(message, List.of());
        if (parts == null) {
            return null;
        }
        for (Map<String, Object> part : parts) {
            if (part.get("properties") instanceof Map<?, ?> props && props.get("data") instanceof Map<?, ?> data) {
                return cast(data);
            }
        }
        differences.add(message.where() + ": payload has no 'data' property");
        return null;
    }

    /** Compares the schema Java implies with the documented one, recursively, naming each difference by path. */
    private void compare(String path, Map<String, Object> javaSchema, Map<String, Object> docSchema,
                         JavaSchemas java, List<String> differences) {
        Map<String, Object> want = resolveJava(javaSchema, java);
        Map<String, Object> got;
        try {
            got = resolveSchema(docSchema);
        } catch (IllegalArgumentException e) {
            differences.add(path + ": " + e.getMessage());
            return;
        }
        for (String keyword : List.of("type", "format")) {
            if (!Objects.equals(want.get(keyword), got.get(keyword))) {
                differences.add(path + ": " + keyword + " is " + want.get(keyword) + " in Java, "
                        + got.get(keyword) + " in the document");
            }
        }
        if (want.containsKey("enum") || got.containsKey("enum")) {
            Set<Object> javaValues = new LinkedHashSet<>((List<?>) want.getOrDefault("enum", List.of()));
            Set<Object> docValues = new LinkedHashSet<>((List<?>) got.getOrDefault("enum", List.of()));
            if (!javaValues.equals(docValues)) {
                differences.add(path + ": enum is " + javaValues + " in Java, " + docValues + " in the document");
            }
        }
        if ("array".equals(want.get("type")) && "array".equals(got.get("type"))) {
            if (got.get("items") instanceof Map<?, ?> items) {
                compare(path + "[]", cast(want.get("items")), cast(items), java, differences);
            } else {
                differences.add(path + ": array without items in the document");
            }
        }
        if (want.containsKey("additionalProperties")) {
            if (got.get("additionalProperties") instanceof Map<?, ?> values) {
                compare(path + "{}", cast(want.get("additionalProperties")), cast(values), java, differences);
            } else {
                differences.add(path + ": a map in Java, needs additionalProperties with a schema in the document");
            }
        }
        if (want.containsKey("properties")) {
            Map<String, Object> javaProps = map(want, "properties");
            Map<String, Object> docProps = got.get("properties") instanceof Map<?, ?> p ? cast(p) : Map.of();
            Set<Object> javaRequired = new TreeSet<>((List<?>) want.getOrDefault("required", List.of()));
            Set<Object> docRequired = new TreeSet<>((List<?>) got.getOrDefault("required", List.of()));
            for (String field : javaProps.keySet()) {
                if (!docProps.containsKey(field)) {
                    differences.add(path + "." + field + ": in Java (" + (javaRequired.contains(field) ? "required"
                            : "optional") + "), missing from the document");
                    continue;
                }
                if (javaRequired.contains(field) != docRequired.contains(field)) {
                    differences.add(path + "." + field + ": " + (javaRequired.contains(field) ? "required" : "optional")
                            + " in Java, " + (docRequired.contains(field) ? "required" : "optional") + " in the document");
                }
                compare(path + "." + field, cast(javaProps.get(field)), cast(docProps.get(field)), java, differences);
            }
            for (String field : docProps.keySet()) {
                if (!javaProps.containsKey(field)) {
                    differences.add(path + "." + field + ": in the document, not a component of the Java record");
                }
            }
            for (Object field : docRequired) {
                if (!docProps.containsKey(field)) {
                    differences.add(path + ": required '" + field + "' is not among the document's properties");
                }
            }
        }
    }

    private static Map<String, Object> resolveJava(Map<String, Object> schema, JavaSchemas java) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : java.named.get(((String) ref).substring(JavaSchemas.REF_PREFIX.length()));
    }

    private Map<String, Object> resolveSchema(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String r = (String) ref;
        if (!r.startsWith(REF)) {
            throw new IllegalArgumentException("unsupported $ref " + r);
        }
        Map<String, Object> schemas = map(map(doc, "components"), "schemas");
        Object target = schemas.get(r.substring(REF.length()));
        if (target == null) {
            throw new IllegalArgumentException("$ref " + r + " points nowhere");
        }
        return cast(target);
    }

    private Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        Object target = doc;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = ((Map<?, ?>) target).get(part);
            if (target == null) {
                throw new AssertionError("$ref " + ref + " points nowhere");
            }
        }
        return resolve(cast(target));
    }

    private Map<String, Object> schema(String name) {
        return map(map(map(doc, "components"), "schemas"), name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("'" + key + "' missing or not a mapping");
        }
        return cast(value);
    }

    /** The document the Java types imply (schemas, messages, channels), written for reference on every run. */
    static void writeImpliedDocument() throws IOException {
        JavaSchemas java = new JavaSchemas();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Map<String, Object>> channelMessages = new LinkedHashMap<>();
        for (EventType<?> type : EventTypes.ALL) {
            String id = type.payloadClass().getSimpleName();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", "object");
            data.put("required", List.of("type", "data"));
            data.put("properties", Map.of("type", Map.of("const", type.type()), "data", java.refTo(type.payloadClass())));
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", type.type());
            message.put("title", id);
            message.put("traits", List.of(Map.of("$ref", "#/components/messageTraits/"
                    + (type.topic().equals(Topics.CATALOG) ? "catalogKey"
                        : type.topic().equals(Topics.AGENCY) ? "agencyKey" : "dossierKey"))));
            message.put("payload", Map.of("allOf", List.of(Map.of("$ref", REF + "CloudEvent"), data)));
            messages.put(id, message);
            channelMessages.computeIfAbsent(type.topic(), t -> new LinkedHashMap<>())
                    .put(id, Map.of("$ref", "#/components/messages/" + id));
        }
        Map<String, Object> implied = new LinkedHashMap<>();
        implied.put("channels", channelMessages);
        implied.put("messages", messages);
        implied.put("schemas", java.named);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        Files.createDirectories(IMPLIED.getParent());
        Files.writeString(IMPLIED, new Yaml(options).dump(implied));
    }
}
