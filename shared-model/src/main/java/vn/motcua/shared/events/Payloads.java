package vn.motcua.shared.events;

import java.util.List;
import java.util.Map;

/** Small helpers for payload constructors: absent collections read as empty, never as null. */
public final class Payloads {
    private Payloads() {
    }

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }
}
