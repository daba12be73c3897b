package org.steambytes.api.web;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/** Lists are paged with {@code page} and {@code size}; size is capped so one request cannot ask for everything. */
public final class Pages {

    public static final int MAX_SIZE = 500;

    private Pages() {
    }

    /** Pages beyond this are refused (their row offset would not fit the database's offset). */
    public static final int MAX_PAGE = 1_000_000;

    /** One page of a list already filtered and ordered in memory (keys, users: a few hundred at most). */
    public static <T> Page<T> of(List<T> all, Pageable pageable) {
        Pageable capped = fixedOrder(pageable);
        int from = (int) Math.min(capped.getOffset(), all.size());
        int to = Math.min(from + capped.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), capped, all.size());
    }

    /** A list with a fixed order (newest first, oldest first): {@code sort} is refused, the size capped. */
    public static Pageable fixedOrder(Pageable pageable) {
        if (pageable.getSort().isSorted()) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "invalid_parameter", "This list has a fixed order.")
                    .withErrors(List.of(FieldProblem.of("sort", "not supported on this list")));
        }
        return capped(pageable);
    }

    public static Pageable capped(Pageable pageable) {
        if (pageable.getPageNumber() > MAX_PAGE) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "invalid_parameter", "'page' must be at most " + MAX_PAGE + ".")
                    .withErrors(List.of(FieldProblem.of("page", "must be at most " + MAX_PAGE)));
        }
        return PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), MAX_SIZE),
                wireNames(pageable.getSort()));
    }

    /** {@code sort=site_id} names the JSON field; the query needs the property ({@code siteId}). */
    private static Sort wireNames(Sort sort) {
        return Sort.by(sort.stream().map(order -> order.withProperty(camelCase(order.getProperty()))).toList());
    }

    private static String camelCase(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
