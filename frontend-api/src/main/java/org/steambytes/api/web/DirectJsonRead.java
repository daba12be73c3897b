package org.steambytes.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.directread.DirectReadFilter;

/**
 * A hot read answered in the security chain without Spring MVC's dispatch ({@link DirectReadFilter}): the plain
 * request a subclass recognizes ({@link #queryOf}), for an authenticated caller who takes plain JSON, answered 200
 * with what {@link #answer} writes, the request's observation named by the controller's path pattern. Anything
 * else — another request, no caller, another media type — and any error {@link #answer} throws goes on down the
 * chain to Spring MVC untouched, which answers it as it always has.
 *
 * @param <Q> what a plain request asks
 */
public abstract class DirectJsonRead<Q> implements DirectReadFilter {

    private final String pattern;

    /** {@code pattern}: the controller's path pattern, which {@code http.server.requests} names the request by. */
    protected DirectJsonRead(String pattern) {
        this.pattern = pattern;
    }

    /** What a plain request asks; null for every request this filter leaves to Spring MVC. */
    protected abstract Q queryOf(HttpServletRequest request);

    /** The answer's JSON, exactly the controller's; a runtime exception leaves the request to Spring MVC. */
    protected abstract byte[] answer(ApiCaller caller, Q query);

    /**
     * A plain filter, not a once-per-request one: the security chain runs it once per dispatch, and an error or
     * forward dispatch carries another path, which {@link #queryOf} does not take.
     */
    @Override
    public final void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        Q query = queryOf(request);
        ApiCaller caller = query == null ? null : ApiCaller.current();
        if (caller == null || !AcceptsJson.plainly(request.getHeader(HttpHeaders.ACCEPT))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = answer(caller, query);
        } catch (RuntimeException e) {
            chain.doFilter(request, response); // Spring MVC asks again and answers the error as it always has
            return;
        }
        DirectAnswers.writeJson(request, response, pattern, body);
    }
}
