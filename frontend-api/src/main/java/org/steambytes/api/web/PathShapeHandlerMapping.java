package org.steambytes.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC's request mappings, unchanged, but a mapping whose path patterns cannot match the request's path
 * is passed over before its other conditions are tried. A request under a pattern path
 * ({@code /api/v1/sites/{siteId}/latest}) is found in no direct-path index, so Spring MVC tries it against
 * every mapping of the application — method, parameters, headers, consumes, produces (reading the request
 * through its wrappers each time), the path last — which was up to a third of the latest answer's
 * request-thread CPU (docs/PERFORMANCE.md "Read path", third pass).
 *
 * <p>The shortcut only ever says "cannot match": a path pattern made of literal segments and whole-segment
 * variables ({@code {siteId}}) matches a path only if the path has as many segments and the same literal at
 * each literal's place (segments as {@link PathPattern} compares them: decoded, without matrix parameters).
 * A pattern with anything else ({@code *}, {@code **}, {@code ?}, {@code {*rest}}, a variable beside text
 * in one segment, characters outside {@code [A-Za-z0-9._~-]}) and a mapping without parsed patterns are
 * always tried in full, as is every request when patterns are not case sensitive. Everything else — the
 * choice among several matches, 404, 405 with its {@code Allow}, 406, 415, HEAD, OPTIONS, CORS pre-flight,
 * path variables — is Spring MVC's own code on the same matches: passing over a mapping only skips a
 * condition check whose answer would have been "no".
 */
class PathShapeHandlerMapping extends RequestMappingHandlerMapping {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*\\}");
    private static final Shapes ALWAYS = new Shapes(null);

    /** The request being looked up on this thread and its path's segments. */
    private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();

    private final Map<RequestMappingInfo, Shapes> shapes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String[] segments = segments(request);
        if (segments == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Lookup outer = LOOKUP.get();
        LOOKUP.set(new Lookup(request, segments));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                LOOKUP.remove();
            } else {
                LOOKUP.set(outer);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup lookup = LOOKUP.get();
        if (lookup != null && lookup.request() == request && !shapesOf(info).mayMatch(lookup.segments())) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        shapes.remove(mapping);
    }

    /** How many of the registered mappings a request for this path is tried against in full (for tests). */
    long triedInFull(String path) {
        String[] segments = segmentsOf(PathContainer.parsePath(path));
        Set<RequestMappingInfo> mappings = getHandlerMethods().keySet();
        return mappings.stream().filter(info -> shapesOf(info).mayMatch(segments)).count();
    }

    private Shapes shapesOf(RequestMappingInfo info) {
        Shapes known = shapes.get(info);
        return known != null ? known : shapes.computeIfAbsent(info, this::shapesFor);
    }

    private Shapes shapesFor(RequestMappingInfo info) {
        PathPatternParser parser = getPatternParser();
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (parser == null || !parser.isCaseSensitive() || condition == null || condition.isEmptyPathMapping()) {
            return ALWAYS;
        }
        List<String[]> literals = new ArrayList<>();
        for (PathPattern pattern : condition.getPatterns()) {
            String[] shape = shapeOf(pattern.getPatternString());
            if (shape == null) {
                return ALWAYS;
            }
            literals.add(shape);
        }
        return new Shapes(literals);
    }

    /** A pattern's segments, each its literal or null for a variable; null if the pattern is not that simple. */
    static String[] shapeOf(String pattern) {
        if (!pattern.startsWith("/") || pattern.length() == 1) {
            return null;
        }
        String body = pattern.endsWith("/") ? pattern.substring(1, pattern.length() - 1) : pattern.substring(1);
        if (body.isEmpty()) {
            return null;
        }
        String[] parts = body.split("/", -1);
        String[] shape = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (LITERAL.matcher(parts[i]).matches()) {
                shape[i] = parts[i];
            } else if (!VARIABLE.matcher(parts[i]).matches()) {
                return null;
            }
        }
        return shape;
    }

    private static String[] segments(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        return segmentsOf(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
    }

    private static String[] segmentsOf(PathContainer path) {
        List<PathContainer.Element> elements = path.elements();
        int count = 0;
        for (PathContainer.Element element : elements) {
            if (element instanceof PathContainer.PathSegment) {
                count++;
            }
        }
        String[] segments = new String[count];
        int i = 0;
        for (PathContainer.Element element : elements) {
            if (element instanceof PathContainer.PathSegment segment) {
                segments[i++] = segment.valueToMatch();
            }
        }
        return segments;
    }

    private record Lookup(HttpServletRequest request, String[] segments) {
    }

    /** The shapes of a mapping's patterns, or null: try it in full. */
    private record Shapes(List<String[]> literals) {

        boolean mayMatch(String[] segments) {
            if (literals == null) {
                return true;
            }
            for (String[] shape : literals) {
                if (fits(shape, segments)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean fits(String[] shape, String[] segments) {
            if (shape.length != segments.length) {
                return false;
            }
            for (int i = 0; i < shape.length; i++) {
                if (shape[i] != null && !shape[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
