package vn.motcua.console.view;

import vn.motcua.console.client.ServiceException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of a form a service refused, each as a Vietnamese sentence to show next to its input ("Tên thủ tục: bắt
 * buộc."). The page maps the service's field paths ({@code documents[2].copies}) to its inputs and their labels; a
 * field it cannot place is listed with the others above the form. A message that is not Vietnamese or carries JSON
 * is never shown as it is: the sentence then says only that the value is not valid.
 */
public final class FormErrors {
    private static final String NOT_VALID = "giá trị chưa hợp lệ";
    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    /** Where a service's field is in the form: the input's name and the label a person reads. */
    public record Target(String input, String label) {
    }

    private final Map<String, String> byInput;
    private final List<String> others;

    private FormErrors(Map<String, String> byInput, List<String> others) {
        this.byInput = byInput;
        this.others = others;
    }

    public static FormErrors none() {
        return NONE;
    }

    /** The field errors of {@code e}, placed by {@code place} (null: not an input of this form). */
    public static FormErrors of(ServiceException e, Function<String, Target> place) {
        Builder b = new Builder();
        for (ServiceException.FieldError error : e.errors()) {
            Target target = place.apply(error.field());
            if (target == null) {
                b.other(sentence(null, error.message()));
            } else {
                b.add(target.input(), sentence(target.label(), error.message()));
            }
        }
        return b.build();
    }

    /** "Label: message." with the message's first letter kept as the service wrote it. */
    static String sentence(String label, String message) {
        String text = message == null || message.isBlank() || message.contains("{") || message.chars().noneMatch(c -> c > 127)
                ? NOT_VALID : message.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (label == null) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }
        return label + ": " + text + ".";
    }

    /** The sentence for an input, or null when it was accepted. */
    public String get(String input) {
        return byInput.get(input);
    }

    /** Whether the input was refused (for {@code aria-invalid}). */
    public boolean has(String input) {
        return byInput.containsKey(input);
    }

    /** Whether the input {@code prefix + part} of a row was refused (a row's inputs are named by its key). */
    public boolean at(String prefix, String part) {
        return byInput.containsKey(prefix + part);
    }

    /** Every sentence of inputs whose name starts with {@code prefix}, joined: a row's errors beside the row. */
    public String under(String prefix) {
        List<String> found = byInput.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).toList();
        return found.isEmpty() ? null : String.join(" ", found);
    }

    /** Sentences of fields the form has no input for. */
    public List<String> others() {
        return others;
    }

    public boolean any() {
        return !byInput.isEmpty() || !others.isEmpty();
    }

    /** Errors the console finds itself before asking a service (a number that is not a number). */
    public static final class Builder {
        private final Map<String, String> byInput = new LinkedHashMap<>();
        private final List<String> others = new ArrayList<>();

        public Builder add(String input, String sentence) {
            byInput.merge(input, sentence, (a, b) -> a + " " + b);
            return this;
        }

        public Builder other(String sentence) {
            others.add(sentence);
            return this;
        }

        public boolean isEmpty() {
            return byInput.isEmpty() && others.isEmpty();
        }

        public FormErrors build() {
            return isEmpty() ? NONE : new FormErrors(Collections.unmodifiableMap(new LinkedHashMap<>(byInput)), List.copyOf(others));
        }
    }
}
