package vn.motcua.shared.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds required payload components that are missing, in nested records and list elements too. Required
 * is every component not marked {@link OptionalField}; primitives are always present.
 *
 * <p>Every event is checked when it is published and again when it is consumed, so the reflection is done once per
 * record class ({@link #PLANS}): asking a record class for its components copies them, and asking a copy for an
 * annotation parses the class file's annotations again — a seventh of notification's planning in the pipeline profile
 * (issue 18).
 */
final class RequiredFields {
    /** One component of a record: its name, how to read it, and whether it may be null. */
    private record Component(String name, MethodHandle accessor, boolean optional, boolean leaf) {
    }

    private static final ClassValue<Component[]> PLANS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] plan = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    plan[i] = new Component(c.getName(), MethodHandles.lookup().unreflect(accessor),
                            c.isAnnotationPresent(OptionalField.class), leaf(c.getType()));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + type, e);
                }
            }
            return plan;
        }
    };

    private RequiredFields() {
    }

    static List<String> missing(Object payload) {
        List<String> missing = new ArrayList<>(0);
        collect(payload, "", missing);
        return missing;
    }

    /** A type whose values hold no components to check: nothing to walk into. */
    private static boolean leaf(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type == String.class || Number.class.isAssignableFrom(type)
                || type == Boolean.class || Temporal.class.isAssignableFrom(type) || type == java.util.UUID.class;
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
        for (Component component : PLANS.get(value.getClass())) {
            Object componentValue = read(component, value);
            if (componentValue == null) {
                if (!component.optional()) {
                    missing.add(path.isEmpty() ? component.name() : path + "." + component.name());
                }
            } else if (!component.leaf()) {
                collect(componentValue, path.isEmpty() ? component.name() : path + "." + component.name(), missing);
            }
        }
    }

    private static Object read(Component component, Object record) {
        try {
            return component.accessor().invoke(record);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + component.name() + " of " + record.getClass(), e);
        }
    }
}
