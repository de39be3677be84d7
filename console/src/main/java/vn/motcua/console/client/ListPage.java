package vn.motcua.console.client;

import java.util.List;

/**
 * The services' list envelope {@code {"items", "page", "size", "total"}}; routing's inbox adds
 * {@code dueSoon} and {@code overdue}.
 */
public record ListPage<T>(List<T> items, int page, int size, long total, Long dueSoon, Long overdue) {
    public List<T> items() {
        return items == null ? List.of() : items;
    }
}
