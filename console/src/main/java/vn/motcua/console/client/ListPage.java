package vn.motcua.console.client;

import java.util.List;

/**
 * The services' list envelope {@code {"items", "page", "size", "total"}}; routing's inbox adds
 * {@code dueSoon}, {@code overdue} and {@code totalCapped} (its counts stop at 1,000 and then mean "at least").
 */
public record ListPage<T>(List<T> items, int page, int size, long total, Long dueSoon, Long overdue, Boolean totalCapped) {
    public List<T> items() {
        return items == null ? List.of() : items;
    }

    /** Whether the counts reached the service's cap and mean "at least". */
    public boolean capped() {
        return Boolean.TRUE.equals(totalCapped);
    }

    /**
     * How many pages of {@code size} the list has as far as is known, this one ({@code current}) included: from the
     * total, or, when the total only says "at least" and this page is full, at least one more than this one.
     */
    public int pages(int current, int size) {
        int known = (int) Math.max(1, (total + size - 1) / size);
        return Math.max(known, capped() && items().size() == size ? current + 2 : current + 1);
    }
}
