package vn.motcua.system.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed and hostile values and bodies, generated over an OpenAPI schema: a plausible instance of the
 * schema, then one mutation (wrong type, missing or extra field, huge or hostile string, bad date or
 * number, null), or a body that is not JSON at all (broken, bad UTF-8, deeply nested, wrong top-level type).
 * Bodies are bytes so that they can be invalid UTF-8.
 */
final class HostileInputs {
    static final List<String> STRINGS = List.of(
            "", " ", "\u0000", "a\u0000b", "\t\r\n", "\u0007\u001b[31m", "'", "\"", "\\", "' OR '1'='1", "'; DROP TABLE dossier; --",
            "1; select pg_sleep(5)--", "\") OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "%s%s%s%n", "../../../../etc/passwd", "..\\..\\windows",
            "\u202eevil\u202c", "\ufeffbom", "\ud83d\ude00\ud83d\udc69\u200d\ud83d\udc69", "Nguyễn Văn Ánh", "ＡＢＣ",
            "\uffff", "\ud800", "\udfff", "null", "true", "-1", "NaN", "Infinity", "9".repeat(40), "0x7fffffff", "1e309",
            "2026-02-30", "2026-13-01", "0000-00-00", "+999999999-12-31", "2026-01-01T25:61:61+07:00", "2026-01-01T08:00:00+99:00",
            "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "yesterday", "1/1/2026", "000.00.31.H29-",
            "000.00.31.H29-260101-0001", "LT-KS-TT-BHYT' --", "*", "%", "_", "%00", "%2e%2e%2f", "mailto:a@b", "javascript:alert(1)",
            "a@b", "@", "x".repeat(256), "ư".repeat(5000), "\u0301".repeat(2000),
            // issue 17: the probe's internal webhook targets, in every spelling
            "http://127.0.0.1:8180/admin", "http://localhost:5432", "http://[::1]:8083/api/admin/read-model/replay",
            "http://0.0.0.0/", "http://2130706433/", "http://0x7f000001/", "http://admin:admin@example.org/",
            "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/");
    static final List<String> DATES = List.of("2026-02-30", "2026-13-01", "0000-00-00", "+999999999-12-31", "-0001-01-01",
            "2026-1-1", "20260101", "2026-01-01T00:00:00", "", "2099-12-31", "1900-01-01", "hôm qua",
            "0001-01-01", "2000-01-01", "2100-01-01", "9999-12-31");
    static final List<String> DATE_TIMES = List.of("2026-01-01T25:00:00+07:00", "2026-01-01T08:00:00", "2026-01-01",
            "2026-01-01T08:00:00+18:01", "+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00",
            "2026-01-01T08:00:00.1234567890+07:00", "1970-01-01T00:00:00Z", "2026-01-01 08:00", "T", "");
    static final List<String> NUMBERS = List.of("-1", "0", "-2147483649", "2147483648", "9223372036854775808",
            "-9223372036854775809", "1e308", "-1e308", "1e400", "0.5", "-0", "1E2", "123456789012345678901234567890",
            "4.9e-324", "00012");

    private HostileInputs() {
    }

    /** A hostile string of any kind, sometimes huge (1 MB). */
    static String string(Random random) {
        int pick = random.nextInt(100);
        if (pick < 2) {
            return "A".repeat(1 << 20);
        }
        if (pick < 6) {
            return "Đ".repeat(10_000 + random.nextInt(20_000));
        }
        if (pick < 14) {
            return DATES.get(random.nextInt(DATES.size()));
        }
        if (pick < 20) {
            return DATE_TIMES.get(random.nextInt(DATE_TIMES.size()));
        }
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    /** A JSON literal for a number that is out of range, fractional or otherwise wrong. */
    static String number(Random random) {
        return NUMBERS.get(random.nextInt(NUMBERS.size()));
    }

    // ---------------------------------------------------------------- JSON text

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Writes a value made of Map, List, String, Boolean, null and {@link Raw} (JSON text as is). */
    static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            out.append(quote(s));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quote(String.valueOf(e.getKey()))).append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** JSON text to put in a tree as it is (numbers out of range, literals). */
    record Raw(String json) {
    }

    // ---------------------------------------------------------------- schema walking

    /** A plausible instance of the schema (depth-limited), which mutations then break. */
    @SuppressWarnings("unchecked")
    static Object instance(Map<String, Object> schema, Map<String, Object> components, Random random, int depth) {
        schema = resolve(schema, components);
        if (schema == null || depth > 6) {
            return "x";
        }
        List<Object> enums = (List<Object>) schema.get("enum");
        if (enums != null && !enums.isEmpty()) {
            Object e = enums.get(random.nextInt(enums.size()));
            return e == null ? null : e instanceof String ? e : new Raw(String.valueOf(e));
        }
        String type = type(schema);
        String format = (String) schema.get("format");
        switch (type) {
            case "object": {
                Map<String, Object> out = new LinkedHashMap<>();
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                properties.forEach((name, sub) -> out.put(name, instance((Map<String, Object>) sub, components, random, depth + 1)));
                return out;
            }
            case "array": {
                List<Object> out = new ArrayList<>();
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    out.add(instance((Map<String, Object>) schema.get("items"), components, random, depth + 1));
                }
                return out;
            }
            case "integer":
                return new Raw(String.valueOf(1 + random.nextInt(5)));
            case "number":
                return new Raw("1.5");
            case "boolean":
                return random.nextBoolean();
            default:
                if ("date".equals(format)) {
                    return "2026-03-02";
                }
                if ("date-time".equals(format)) {
                    return "2026-03-02T08:00:00+07:00";
                }
                if ("uuid".equals(format)) {
                    return "3f1c2b4e-1d2a-4c3b-9a8b-7c6d5e4f3a2b";
                }
                return "Thử " + random.nextInt(1000);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> components) {
        for (int guard = 0; schema != null && guard < 10; guard++) {
            if (schema.get("$ref") instanceof String ref) {
                schema = (Map<String, Object>) components.get(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
                schema = (Map<String, Object>) all.get(0);
            } else if (schema.get("oneOf") instanceof List<?> one && !one.isEmpty()) {
                schema = (Map<String, Object>) one.get(0);
            } else if (schema.get("anyOf") instanceof List<?> any && !any.isEmpty()) {
                schema = (Map<String, Object>) any.get(0);
            } else {
                return schema;
            }
        }
        return schema;
    }

    static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        if (type == null) {
            return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
        }
        return (String) type;
    }

    // ---------------------------------------------------------------- mutations

    /** Every container (map or list) in the tree, with the tree itself first. */
    static List<Object> containers(Object tree) {
        List<Object> out = new ArrayList<>();
        collect(tree, out);
        return out;
    }

    private static void collect(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            out.add(map);
            map.values().forEach(v -> collect(v, out));
        } else if (node instanceof List<?> list) {
            out.add(list);
            list.forEach(v -> collect(v, out));
        }
    }

    /** A value of a kind unlike {@code old}: the wrong type for the field. */
    static Object wrongType(Object old, Random random) {
        List<Object> options = new ArrayList<>(List.of(new Raw(number(random)), Boolean.TRUE, new LinkedHashMap<>(Map.of("a", "b")),
                new ArrayList<>(List.of("a", 1)), string(random)));
        options.removeIf(o -> o.getClass().equals(old == null ? Void.class : old.getClass()));
        return options.get(random.nextInt(options.size()));
    }

    /** One mutation of a plausible tree, described for the report. Changes the tree in place. */
    @SuppressWarnings("unchecked")
    static String mutate(Object tree, Random random) {
        List<Object> containers = containers(tree);
        if (containers.isEmpty()) {
            return "scalar body";
        }
        Object target = containers.get(random.nextInt(containers.size()));
        if (target instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            List<String> keys = new ArrayList<>(map.keySet());
            int kind = random.nextInt(8);
            if (keys.isEmpty() || kind == 0) {
                String name = random.nextBoolean() ? "extra" + random.nextInt(100) : string(random);
                if (name.length() > 1000) {
                    name = name.substring(0, 1000);
                }
                map.put(name, random.nextBoolean() ? string(random) : new Raw(number(random)));
                return "extra field";
            }
            String key = keys.get(random.nextInt(keys.size()));
            switch (kind) {
                case 1 -> {
                    map.remove(key);
                    return "missing " + key;
                }
                case 2 -> {
                    map.put(key, null);
                    return "null " + key;
                }
                case 3 -> {
                    map.put(key, wrongType(map.get(key), random));
                    return "wrong type " + key;
                }
                case 4 -> {
                    map.put(key, new Raw(number(random)));
                    return "bad number " + key;
                }
                case 5 -> {
                    map.put(key, new ArrayList<>());
                    return "empty array " + key;
                }
                case 6 -> {
                    // Many copies of a small value; of a big one a few (bodies stay under the 10 MB limit, over
                    // which the HTTP layer answers a bare 413 before any of our code runs).
                    int copies = json(map.get(key)).length() > 1000 ? 3 : 2000;
                    List<Object> many = new ArrayList<>();
                    for (int i = 0; i < copies; i++) {
                        many.add(map.get(key));
                    }
                    map.put(key, many);
                    return copies + " copies " + key;
                }
                default -> {
                    map.put(key, string(random));
                    return "hostile string " + key;
                }
            }
        }
        List<Object> list = (List<Object>) target;
        if (list.isEmpty() || random.nextBoolean()) {
            list.add(wrongType(list.isEmpty() ? null : list.get(0), random));
            return "wrong element";
        }
        list.set(random.nextInt(list.size()), null);
        return "null element";
    }

    /** A body that is not valid JSON of the right shape at all. */
    static byte[] brokenBody(String validJson, Random random, StringBuilder description) {
        switch (random.nextInt(10)) {
            case 0 -> {
                description.append("truncated JSON");
                return validJson.substring(0, Math.max(1, random.nextInt(Math.max(1, validJson.length())))).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                description.append("trailing garbage");
                return (validJson + "}{,]").getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                description.append("bad UTF-8 bytes in a string");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] bytes = validJson.getBytes(StandardCharsets.UTF_8);
                int quote = validJson.indexOf('"');
                int at = quote < 0 ? bytes.length : Math.min(bytes.length, validJson.substring(0, quote + 1).getBytes(StandardCharsets.UTF_8).length);
                out.write(bytes, 0, at);
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
                out.writeBytes(bad[random.nextInt(bad.length)]);
                out.write(bytes, at, bytes.length - at);
                return out.toByteArray();
            }
            case 3 -> {
                int depth = random.nextBoolean() ? 1200 : 20_000;
                description.append("nesting ").append(depth);
                boolean arrays = random.nextBoolean();
                return ((arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                String[] tops = {"[]", "\"text\"", "42", "true", "null", "[{}]", "1e999"};
                String top = tops[random.nextInt(tops.length)];
                description.append("top-level ").append(top);
                return top.getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                description.append("single quotes and comments");
                return ("/* x */ {'procedureCode': 'x', // y\n}").getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                description.append("raw control characters in a string");
                return "{\"a\":\"\u0000\u0001\n\"}".getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                description.append("duplicate keys");
                return "{\"a\":1,\"a\":2,\"reason\":\"x\",\"reason\":\"y\"}".getBytes(StandardCharsets.UTF_8);
            }
            case 8 -> {
                description.append("UTF-16 body");
                return validJson.getBytes(StandardCharsets.UTF_16);
            }
            default -> {
                description.append("NaN and unquoted keys");
                return "{a: NaN, \"b\": Infinity, \"c\": -}".getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/json; charset=nonsense",
            "application/octet-stream", "garbage", "*/*", "application/problem+json", "text/json");
}
