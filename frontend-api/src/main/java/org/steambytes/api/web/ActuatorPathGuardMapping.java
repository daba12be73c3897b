package org.steambytes.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring Boot's actuator mapping, unchanged, except that a request whose path is not under the actuator's base
 * path ({@code /actuator}) is answered "no handler" at once. Spring MVC asks this mapping (order -100) before
 * the application's, so every API request was tried against every actuator mapping and then against all of
 * them again for a partial match, only to get no handler: ~7 % of a latest request's request-thread CPU
 * (docs/PERFORMANCE.md "Read path", fourth pass).
 *
 * <p>The shortcut only ever says "cannot match": every pattern this mapping registers begins with the base
 * path's segments, and a {@link PathPattern} of literal segments matches a path only if the path begins
 * with those segments (compared as {@link PathPattern} compares them: decoded, without matrix parameters, so
 * {@code /%61ctuator/health} is under {@code /actuator}). It is off — every request goes to Spring Boot's
 * code — when the base path is empty or {@code /}, has anything but plain characters, when patterns are not
 * case sensitive, when the request has no parsed path, and from the moment a mapping is registered whose
 * pattern is not under the base path.
 */
class ActuatorPathGuardMapping extends WebMvcEndpointHandlerMapping {

    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    /** The base path's segments; null: no shortcut. */
    private final String[] baseSegments;
    private final String basePath;
    private volatile boolean everyPatternUnderBase = true;

    ActuatorPathGuardMapping(EndpointMapping endpointMapping, Collection<ExposableWebEndpoint> endpoints,
            EndpointMediaTypes endpointMediaTypes, CorsConfiguration corsConfiguration,
            EndpointLinksResolver linksResolver, boolean shouldRegisterLinksMapping) {
        super(endpointMapping, endpoints, endpointMediaTypes, corsConfiguration, linksResolver,
                shouldRegisterLinksMapping);
        this.basePath = endpointMapping.getPath();
        this.baseSegments = segmentsOf(basePath);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (passesOver(request)) {
            return null;
        }
        return super.lookupHandlerMethod(lookupPath, request);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        checkUnderBase(mapping);
        super.registerMapping(mapping, handler, method);
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        checkUnderBase(mapping);
        super.registerHandlerMethod(handler, method, mapping);
    }

    /** True if no mapping of this one can match the request: it is answered without trying them. */
    boolean passesOver(HttpServletRequest request) {
        if (baseSegments == null || !everyPatternUnderBase || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return false;
        }
        PathPatternParser parser = getPatternParser();
        if (parser == null || !parser.isCaseSensitive()) {
            return false;
        }
        return !underBase(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
    }

    /** Whether the shortcut is on (for tests). */
    boolean guarding() {
        return baseSegments != null && everyPatternUnderBase;
    }

    private boolean underBase(PathContainer path) {
        List<PathContainer.Element> elements = path.elements();
        if (elements.size() < 2 * baseSegments.length) {
            return false;
        }
        for (int i = 0; i < baseSegments.length; i++) {
            if (!(elements.get(2 * i) instanceof PathContainer.Separator)
                    || !(elements.get(2 * i + 1) instanceof PathContainer.PathSegment segment)
                    || !baseSegments[i].equals(segment.valueToMatch())) {
                return false;
            }
        }
        return true;
    }

    /** Set before the mapping is registered, so no lookup passes over a mapping the shortcut does not know. */
    private void checkUnderBase(RequestMappingInfo mapping) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null) {
            everyPatternUnderBase = false;
            return;
        }
        for (String pattern : condition.getPatternValues()) {
            if (!pattern.equals(basePath) && !pattern.startsWith(basePath + "/")) {
                everyPatternUnderBase = false;
            }
        }
    }

    private static String[] segmentsOf(String basePath) {
        if (basePath.isEmpty() || basePath.equals("/") || !basePath.startsWith("/")) {
            return null;
        }
        String[] segments = basePath.substring(1).split("/", -1);
        for (String segment : segments) {
            if (!PLAIN_SEGMENT.matcher(segment).matches()) {
                return null;
            }
        }
        return segments;
    }
}
