package vn.motcua.platform.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An administrative change recorded in the audit log (docs/AUDIT.md): when the method returns without error and
 * without a 4xx/5xx response, an entry with the caller, the change's name, the first path parameter as subject and
 * the arguments as JSON is appended — in the method's transaction when it is {@code @Transactional}, else in one of
 * its own right after. A failed change leaves no entry.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {
    /** The change's name in the log, e.g. {@code unit.office-hours.set}; the class and method name when blank. */
    @Nonbinding
    String value() default "";
}
