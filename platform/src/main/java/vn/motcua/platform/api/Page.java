package vn.motcua.platform.api;

import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The contract's list shape: {@code {"items": [...], "page", "size", "total"}}; {@code page} starts
 * at 0, {@code size} defaults to 50 and accepts up to 500.
 */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /**
     * Validated paging parameters of a request. Resources take {@code page} and {@code size} as text,
     * so that {@code page=abc} answers 400 like any other bad paging (JAX-RS answers 404 when it
     * cannot convert a query parameter); blank or absent means the default.
     */
    public record Request(int page, int size) {
        public static Request of(String page, String size) {
            List<Problem.FieldError> errors = new ArrayList<>();
            Request request = of(page, size, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            return request;
        }

        /** As {@link #of(String, String)}, adding what is wrong to {@code errors} (then the result is null). */
        public static Request of(String page, String size, List<Problem.FieldError> errors) {
            int before = errors.size();
            Integer p = integer("page", page, 0, errors);
            Integer s = integer("size", size, DEFAULT_SIZE, errors);
            if (p != null && p < 0) {
                errors.add(new Problem.FieldError("page", "phải là số nguyên không âm"));
            }
            if (s != null && (s < 1 || s > MAX_SIZE)) {
                errors.add(new Problem.FieldError("size", "phải từ 1 đến " + MAX_SIZE));
            }
            if (errors.size() == before && (long) p * s > Integer.MAX_VALUE) {
                // page × size is the offset: beyond an int it overflowed into a server error (found by the fuzz test)
                errors.add(new Problem.FieldError("page", "quá lớn: không có trang này"));
            }
            return errors.size() == before ? new Request(p, s) : null;
        }

        private static Integer integer(String name, String value, int absent, List<Problem.FieldError> errors) {
            if (value == null || value.isBlank()) {
                return absent;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError(name, "phải là số nguyên"));
                return null;
            }
        }

        public int offset() {
            return Math.multiplyExact(page, size);
        }
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
