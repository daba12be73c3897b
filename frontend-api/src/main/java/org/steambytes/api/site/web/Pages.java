package org.steambytes.api.site.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** Lists are paged with {@code page} and {@code size}; size is capped so one request cannot ask for everything. */
public final class Pages {

    public static final int MAX_SIZE = 500;

    private Pages() {
    }

    public static Pageable capped(Pageable pageable) {
        return pageable.getPageSize() <= MAX_SIZE ? pageable
                : PageRequest.of(pageable.getPageNumber(), MAX_SIZE, pageable.getSort());
    }
}
