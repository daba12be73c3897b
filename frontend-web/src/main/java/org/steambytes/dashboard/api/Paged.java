package org.steambytes.dashboard.api;

import java.util.List;

/** frontend-api's paged list: {@code {"content": [...], "page": {"size", "number", "total_elements", "total_pages"}}}. */
record Paged<T>(List<T> content, PageInfo page) {

    record PageInfo(int size, int number, long totalElements, int totalPages) {
    }

    boolean hasNext() {
        return page != null && page.number() + 1 < page.totalPages();
    }
}
