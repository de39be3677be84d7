package vn.motcua.routing.api;

import java.util.List;

/**
 * The contract's list envelope with the inbox's counts: of the matching tasks, the open ones due within
 * the due-soon window (3 working days by default) and those already overdue.
 */
public record TaskPage(List<TaskView> items, int page, int size, long total, long dueSoon, long overdue) {
}
