package vn.motcua.shared.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON Schema (AsyncAPI 3 flavour) that a payload record implies as EventJson writes it: records
 * become named schemas under {@code components/schemas} referenced with {@code $ref}, required means not
 * {@link OptionalField}, enums are inline.
 */
final class JavaSchemas {
    static final String REF_PREFIX = "#/components/schemas/";

    /** Named record schemas collected while describing payloads, in discovery order. */
    final Map<String, Map<String, Object>> named = new LinkedHashMap<>();
    private final Map<String, Class<?>> owners = new LinkedHashMap<>();

    /** A {@code $ref} to the schema of {@code record}, describing it and its nested records on first use. */
    Map<String, Object> refTo(Class<?> record) {
        String name = record.getSimpleName();
        Class<?> owner = owners.putIfAbsent(name, record);
        if (owner != null && owner != record) {
            throw new IllegalStateException("two records named " + name + ": " + owner + " and " + record);
        }
        if (owner == null) {
            named.put(name, null); // reserve the slot so the order is parents first
            named.put(name, describeRecord(record));
        }
        return Map.of("$ref", REF_PREFIX + name);
    }

    private Map<String, Object> describeRecord(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            properties.put(c.getName(), describe(c.getGenericType()));
            if (!c.isAnnotationPresent(OptionalField.class)) {
                required.add(c.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        return schema;
    }

    Map<String, Object> describe(Type type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                schema.put("type", "array");
                schema.put("items", describe(p.getActualTypeArguments()[0]));
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (p.getActualTypeArguments()[0] != String.class) {
                    throw new IllegalStateException("JSON object keys are strings: " + type);
                }
                schema.put("type", "object");
                schema.put("additionalProperties", describe(p.getActualTypeArguments()[1]));
                return schema;
            }
            throw new IllegalStateException("no JSON mapping for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            schema.put("type", "string");
        } else if (c == UUID.class) {
            schema.put("type", "string");
            schema.put("format", "uuid");
        } else if (c == OffsetDateTime.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (c == LocalDate.class) {
            schema.put("type", "string");
            schema.put("format", "date");
        } else if (c == int.class || c == Integer.class) {
            schema.put("type", "integer");
            schema.put("format", "int32");
        } else if (c == long.class || c == Long.class) {
            schema.put("type", "integer");
            schema.put("format", "int64");
        } else if (c == boolean.class || c == Boolean.class) {
            schema.put("type", "boolean");
        } else if (c.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        } else if (c.isRecord()) {
            return refTo(c);
        } else {
            throw new IllegalStateException("no JSON mapping for " + c);
        }
        return schema;
    }
}
