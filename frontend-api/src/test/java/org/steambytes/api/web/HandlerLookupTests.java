package org.steambytes.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.steambytes.testsupport.RealStores;

/**
 * The application's request mappings find the same handler as Spring MVC's stock mappings for every
 * registered pattern (a concrete URL generated from each) under every method, with and without a body and an
 * {@code Accept}, and for the paths around them that match nothing or match oddly (trailing slash, double
 * slash, matrix parameters, encoded characters, other case, CORS pre-flight): same handler, same path
 * variables and best pattern, same 404 (no handler), 405 with the same allowed methods, 406, 415.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandlerLookupTests {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    @Test
    void everyRegisteredPatternFindsTheSameHandlerAsSpringMvcsStockLookup() throws Exception {
        assertThat(mappings).isInstanceOf(PathShapeHandlerMapping.class);
        RequestMappingHandlerMapping stock = stockLike(mappings);
        assertThat(stock.getHandlerMethods()).as("the same registrations")
                .isEqualTo(mappings.getHandlerMethods());

        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                paths.add(path);
                paths.add(path + "/");
                paths.add(path.replaceFirst("/([^/]+)$", "//$1"));
                paths.add(path.replaceFirst("/([^/]+)$", "/$1;v=1"));
                paths.add(path + "/extra");
                paths.add(path.toUpperCase());
                paths.add(path.replace("v1", "v%31"));
                paths.add(path.replaceFirst("/[^/]+$", ""));
            }
        }
        paths.addAll(List.of("/", "/api", "/api/v1", "/api/v1/", "/api/v1/nothing", "/api/v1/sites/export",
                "/api/v1/sites/plant-1/latest", "/api/v1/sites/plant%2D1/latest", "/api/v1/sites/plant-1/readings.csv",
                "/api/v1/sites/plant-1/readings.json", "/error", "/v3/api-docs", "/actuator/health"));

        List<Consumer<MockHttpServletRequest>> variants = List.of(
                request -> { },
                request -> request.addHeader(HttpHeaders.ACCEPT, "application/json"),
                request -> request.addHeader(HttpHeaders.ACCEPT, "text/csv"),
                request -> request.addHeader(HttpHeaders.ACCEPT, "application/xml"),
                request -> request.addHeader(HttpHeaders.ACCEPT, "not a media type"),
                request -> {
                    request.setContentType("application/json");
                    request.setContent("{}".getBytes());
                },
                request -> {
                    request.setContentType("text/plain");
                    request.setContent("x".getBytes());
                },
                request -> request.setContentType("not/a;type="),
                request -> request.setParameter("site_id", "plant-1"));

        int compared = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String path : paths) {
            for (String method : METHODS) {
                for (Consumer<MockHttpServletRequest> variant : variants) {
                    String ours = outcome(mappings, path, method, variant);
                    String theirs = outcome(stock, path, method, variant);
                    assertThat(ours).as("%s %s", method, path).isEqualTo(theirs);
                    outcomes.merge(ours.replaceAll(" .*", ""), 1, Integer::sum);
                    compared++;
                }
            }
            for (String preflighted : List.of("GET", "PUT", "DELETE")) {
                Consumer<MockHttpServletRequest> preflight = request -> {
                    request.addHeader(HttpHeaders.ORIGIN, "https://dashboard.example");
                    request.addHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, preflighted);
                };
                assertThat(outcome(mappings, path, "OPTIONS", preflight)).as("pre-flight %s %s", preflighted, path)
                        .isEqualTo(outcome(stock, path, "OPTIONS", preflight));
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(outcomes).as("every kind of answer was compared")
                .containsKeys("handler", "none", "HttpRequestMethodNotSupportedException",
                        "HttpMediaTypeNotAcceptableException", "HttpMediaTypeNotSupportedException");
    }

    @Test
    void aLatestRequestIsTriedInFullAgainstItsOwnMappingOnly() {
        PathShapeHandlerMapping ours = (PathShapeHandlerMapping) mappings;
        assertThat(mappings.getHandlerMethods()).hasSizeGreaterThan(40);
        assertThat(ours.triedInFull("/api/v1/sites/plant-1/latest")).isEqualTo(1);
        assertThat(ours.triedInFull("/api/v1/sites/plant-1")).as("GET, PUT, DELETE of a site").isEqualTo(3);
        assertThat(ours.triedInFull("/api/v1/alerts")).as("the list").isEqualTo(1);
    }

    @Test
    void onlyLiteralSegmentsAndWholeSegmentVariablesHaveAShape() {
        assertThat(PathShapeHandlerMapping.shapeOf("/api/v1/sites/{siteId}/latest"))
                .containsExactly("api", "v1", "sites", null, "latest");
        assertThat(PathShapeHandlerMapping.shapeOf("/api/v1/sites/{siteId}/readings.csv"))
                .containsExactly("api", "v1", "sites", null, "readings.csv");
        assertThat(PathShapeHandlerMapping.shapeOf("/a/")).containsExactly("a");
        for (String other : List.of("", "/", "a/b", "/a/*", "/a/**", "/a/{*rest}", "/a/{id}.json", "/a/b?", "/a//b",
                "/a/{id:\\d+}", "/a/%20", "/a/b c")) {
            assertThat(PathShapeHandlerMapping.shapeOf(other)).as(other).isNull();
        }
    }

    /** A stock mapping of the same controllers, configured like the application's. */
    private RequestMappingHandlerMapping stockLike(RequestMappingHandlerMapping configured) {
        RequestMappingHandlerMapping stock = new RequestMappingHandlerMapping();
        stock.setPatternParser(configured.getPatternParser());
        stock.setContentNegotiationManager(configured.getContentNegotiationManager());
        stock.setOrder(configured.getOrder());
        if (configured.getCorsConfigurationSource() != null) {
            stock.setCorsConfigurationSource(configured.getCorsConfigurationSource());
        }
        List<?> interceptors = (List<?>) ReflectionTestUtils.getField(configured, "adaptedInterceptors");
        stock.setInterceptors(interceptors.toArray());
        stock.setApplicationContext(context);
        stock.setEmbeddedValueResolver(new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
        stock.afterPropertiesSet();
        return stock;
    }

    static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "/a/b").replaceAll("\\{[^}]+}", "plant-1")
                .replace("**", "a/b").replace("*", "a").replace("?", "z");
    }

    private static String outcome(RequestMappingHandlerMapping mapping, String path, String method,
            Consumer<MockHttpServletRequest> variant) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        variant.accept(request);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            Object handler = chain.getHandler();
            List<String> interceptors = new ArrayList<>();
            chain.getInterceptorList().forEach(interceptor -> interceptors.add(interceptor.getClass().getName()));
            return "handler " + (handler instanceof HandlerMethod method1 ? method1.getMethod().toString() : handler.getClass().getName())
                    + " interceptors " + interceptors
                    + " variables " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    + " matrix " + request.getAttribute(HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE)
                    + " pattern " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                    + " produces " + request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        } catch (HttpRequestMethodNotSupportedException e) {
            return e.getClass().getSimpleName() + " " + e.getMethod() + " allowed " + e.getSupportedHttpMethods();
        } catch (HttpMediaTypeNotAcceptableException e) {
            return e.getClass().getSimpleName() + " " + e.getSupportedMediaTypes();
        } catch (HttpMediaTypeNotSupportedException e) {
            return e.getClass().getSimpleName() + " " + e.getContentType() + " " + e.getSupportedMediaTypes();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }
}
