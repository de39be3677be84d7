package vn.motcua.console.api;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * The fields of the form being posted, as RESTEasy Reactive read them once for the whole request: the CSRF check
 * ({@link FormGuard}, {@code @WithFormRead}) reads the body before the resource, so a resource whose fields are not
 * known in advance (the reception checklist) takes them from here instead of reading the body again.
 */
final class PostedForm {
    private PostedForm() {
    }

    static MultivaluedMap<String, String> fields() {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        FormData data = CurrentRequestManager.get().getFormData();
        if (data != null) {
            for (String name : data) {
                for (FormValue value : data.get(name)) {
                    if (!value.isFileItem()) {
                        fields.add(name, value.getValue());
                    }
                }
            }
        }
        return fields;
    }

    static String first(String name) {
        FormData data = CurrentRequestManager.get().getFormData();
        FormValue value = data == null ? null : data.getFirst(name);
        return value == null || value.isFileItem() ? null : value.getValue();
    }
}
