package vn.motcua.shared.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a payload component that a producer may leave out. Every other component is required:
 * {@link EventType} refuses to publish or accept a payload without it, and the AsyncAPI document
 * lists it under {@code required} (checked by a test). A missing optional value reads as
 * {@code null}, or as an empty list or map.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalField {
}
