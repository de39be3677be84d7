package vn.motcua.routing.api;

import java.util.List;

/**
 * The contract's list envelope with the inbox's counts: of the matching tasks, the open ones due within
 * the due-soon window (3 working days by default) and those already overdue. Each count is exact up to
 * {@link vn.motcua.routing.domain.TaskQueries#COUNT_CAP} (1,000); {@code totalCapped} says that at least one of them
 * reached it and means "at least" (as a search engine's hit count), so that a huge inbox costs what a small one does.
 */
public record TaskPage(List<TaskView> items, int page, int size, long total, long dueSoon, long overdue,
                       boolean totalCapped) {
}
