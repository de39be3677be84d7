package vn.motcua.routing.api;

import java.util.List;

/** The contract's list envelope. */
public record TaskPage(List<TaskView> items, int page, int size, long total) {
}
