package vn.motcua.shared.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds required payload components that are missing, in nested records and list elements too. Required
 * is every component not marked {@link OptionalField}; primitives are always present.
 */
final class RequiredFields {
    private RequiredFields() {
    }

    static List<String> missing(Object payload) {
        List<String> missing = new ArrayList<>();
        collect(payload, "", missing);
        return missing;
    }

    private static void collect(Object value, String path, List<String> missing) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(item, path + "[" + i++ + "]", missing);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, path + "[" + k + "]", missing));
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
            Object componentValue = read(component, value);
            if (componentValue == null) {
                if (!component.isAnnotationPresent(OptionalField.class)) {
                    missing.add(name);
                }
            } else {
                collect(componentValue, name, missing);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
