package vn.motcua.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * Appends the entry of an {@link Audited} method after it succeeded. It runs inside {@code @Transactional}'s
 * interceptor, so a transactional method's entry is part of its transaction; a method that commits its own
 * transactions inside (a resource calling a transactional service) gets its entry in a transaction right after.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditedInterceptor {
    private final AuditLog audit;
    private final ObjectMapper json;

    public AuditedInterceptor(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        if (!audit.enabled()) {
            return context.proceed();
        }
        boolean inTransaction = QuarkusTransaction.isActive();
        Object result = context.proceed();
        if (result instanceof Response response && response.getStatus() >= 400) {
            return result;
        }
        if (inTransaction) {
            record(context); // in the change's own transaction: committed with it or not at all
        } else {
            // the method committed its own transaction(s) already: the entry follows at once in one of its own
            QuarkusTransaction.requiringNew().run(() -> record(context));
        }
        return result;
    }

    private void record(InvocationContext context) {
        Method method = context.getMethod();
        Audited audited = method.getAnnotation(Audited.class);
        if (audited == null) {
            audited = method.getDeclaringClass().getAnnotation(Audited.class);
        }
        String type = audited != null && !audited.value().isBlank() ? audited.value()
                : method.getDeclaringClass().getSimpleName() + "." + method.getName();
        ObjectNode payload = json.createObjectNode();
        payload.put("change", type);
        ObjectNode arguments = payload.putObject("arguments");
        String subject = null;
        Parameter[] parameters = method.getParameters();
        Object[] values = context.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Object value = values[i];
            if (value != null && !serialisable(value)) {
                continue;
            }
            String name = parameters[i].getName();
            for (Annotation annotation : parameters[i].getAnnotations()) {
                if (annotation instanceof PathParam path) {
                    name = path.value();
                    if (subject == null && value != null) {
                        subject = value.toString();
                    }
                }
            }
            try {
                arguments.set(name, json.valueToTree(value));
            } catch (IllegalArgumentException notJson) {
                arguments.put(name, String.valueOf(value));
            }
        }
        audit.record(type, subject, payload.toString());
    }

    /** Arguments that are data (not injected machinery such as a security context or a stream). */
    private static boolean serialisable(Object value) {
        String name = value.getClass().getName();
        return !(name.startsWith("jakarta.") || name.startsWith("io.") || name.startsWith("org.")
                || value instanceof java.io.InputStream || value instanceof java.io.File);
    }
}
