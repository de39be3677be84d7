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

    /** Validated paging parameters of a request; null means the default. */
    public record Request(int page, int size) {
        public static Request of(Integer page, Integer size) {
            List<Problem.FieldError> errors = new ArrayList<>();
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 0) {
                errors.add(new Problem.FieldError("page", "phải là số nguyên không âm"));
            }
            if (s < 1 || s > MAX_SIZE) {
                errors.add(new Problem.FieldError("size", "phải từ 1 đến " + MAX_SIZE));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            return new Request(p, s);
        }

        public int offset() {
            return Math.multiplyExact(page, size);
        }
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
