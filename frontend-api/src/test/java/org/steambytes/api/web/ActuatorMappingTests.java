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
import org.springframework.boot.actuate.autoconfigure.endpoint.web.CorsEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.autoconfigure.actuate.web.WebMvcEndpointManagementContextConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;

/**
 * The application's actuator mapping is {@link ActuatorPathGuardMapping}, built like Spring Boot's, and finds
 * what a stock one built by Spring Boot's own configuration method finds: the same handler (or none, or the
 * same exception) for the actuator's paths and their odd spellings, and none for every application path —
 * which the guard answers without trying the actuator's mappings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorMappingTests {

    private static final List<String> METHODS = List.of("GET", "POST", "HEAD", "OPTIONS");

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    WebMvcEndpointHandlerMapping actuatorMapping;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping applicationMappings;
    @LocalServerPort
    int port;

    @Test
    void theApplicationsActuatorMappingIsTheGuardedOneAndTheOnlyOne() {
        assertThat(context.getBeansOfType(WebMvcEndpointHandlerMapping.class)).hasSize(1)
                .containsKey("webEndpointServletHandlerMapping");
        assertThat(actuatorMapping).isInstanceOf(ActuatorPathGuardMapping.class);
        assertThat(((ActuatorPathGuardMapping) actuatorMapping).guarding()).as("the shortcut is on").isTrue();
        assertThat(actuatorMapping.getOrder()).isEqualTo(-100);
        WebMvcEndpointHandlerMapping stock = stock();
        assertThat(stock.getClass()).isEqualTo(WebMvcEndpointHandlerMapping.class);
        assertThat(actuatorMapping.getHandlerMethods().keySet()).as("the same registrations as Spring Boot's")
                .isEqualTo(stock.getHandlerMethods().keySet());
        assertThat(actuatorMapping.getEndpoints()).isEqualTo(stock.getEndpoints());
    }

    @Test
    void actuatorPathsFindWhatSpringBootsMappingFinds() {
        WebMvcEndpointHandlerMapping stock = stock();
        ActuatorPathGuardMapping guarded = (ActuatorPathGuardMapping) actuatorMapping;
        List<String> paths = new ArrayList<>();
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator", "/actuator/info", "/actuator/health/unknown")) {
            paths.addAll(List.of(path, path + "/", path.replace("/actuator", "/%61ctuator"),
                    path.replace("/actuator", "/ACTUATOR"), path.replace("/actuator", "/actuator;v=1"),
                    path.replace("/actuator", "//actuator"), path.replace("/actuator", "/actuatorx")));
        }
        paths.addAll(List.of("/actuator/", "/actuator/nothing", "/actuator/health/liveness/x", "/actuato/health", "/"));

        List<Consumer<MockHttpServletRequest>> variants = List.of(
                request -> { },
                request -> request.addHeader(HttpHeaders.ACCEPT, "application/json"),
                request -> request.addHeader(HttpHeaders.ACCEPT, "text/plain"),
                request -> request.addHeader(HttpHeaders.ACCEPT, "application/xml"),
                request -> {
                    request.setContentType("application/json");
                    request.setContent("{}".getBytes());
                },
                request -> {
                    request.addHeader(HttpHeaders.ORIGIN, "https://dashboard.example");
                    request.addHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET");
                });

        Map<String, Integer> outcomes = new TreeMap<>();
        int passedOver = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                for (Consumer<MockHttpServletRequest> variant : variants) {
                    String ours = outcome(guarded, path, method, variant);
                    assertThat(ours).as("%s %s", method, path).isEqualTo(outcome(stock, path, method, variant));
                    outcomes.merge(ours.replaceAll(" .*", ""), 1, Integer::sum);
                }
            }
            if (guarded.passesOver(request(path, "GET", request -> { }))) {
                passedOver++;
                assertThat(outcome(stock, path, "GET", request -> { })).as("passed over: " + path).isEqualTo("none");
            }
        }
        assertThat(outcomes).as("every kind of answer was compared")
                .containsKeys("handler", "none", "HttpRequestMethodNotSupportedException",
                        "HttpMediaTypeNotAcceptableException");
        assertThat(passedOver).as("the odd spellings no actuator pattern matches").isGreaterThan(10);

        assertThat(outcome(stock, "/actuator/health", "GET", request -> { }))
                .startsWith("handler Actuator web endpoint 'health'").contains("pattern /actuator/health ");
        assertThat(outcome(stock, "/%61ctuator/health/liveness", "GET", request -> { }))
                .startsWith("handler Actuator web endpoint 'health-path'").contains("pattern /actuator/health/** ");
        assertThat(outcome(stock, "/actuator/prometheus", "GET", request -> { }))
                .startsWith("handler Actuator web endpoint 'prometheus'");
        assertThat(outcome(stock, "/actuator", "GET", request -> { })).startsWith("handler Actuator root web endpoint");
        assertThat(outcome(stock, "/actuator/health", "POST", request -> { }))
                .startsWith("HttpRequestMethodNotSupportedException");
        assertThat(outcome(stock, "/ACTUATOR/health", "GET", request -> { })).isEqualTo("none");
        for (String under : List.of("/actuator/health", "/%61ctuator/health", "/actuator;v=1/health", "/actuator",
                "/actuator/", "/actuator/nothing")) {
            assertThat(guarded.passesOver(request(under, "GET", request -> { }))).as(under).isFalse();
        }
    }

    @Test
    void applicationPathsFindNoActuatorHandlerAndAreAnsweredAtOnce() {
        WebMvcEndpointHandlerMapping stock = stock();
        ActuatorPathGuardMapping guarded = (ActuatorPathGuardMapping) actuatorMapping;
        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : applicationMappings.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = HandlerLookupTests.concrete(pattern.getPatternString());
                paths.addAll(List.of(path, path + "/", path.toUpperCase(), path.replace("v1", "v%31")));
            }
        }
        paths.addAll(List.of("/", "/api/v1/sites/plant-1/latest", "/error", "/v3/api-docs", "/swagger-ui/index.html"));
        assertThat(paths).hasSizeGreaterThan(100);

        int compared = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                Consumer<MockHttpServletRequest> none = request -> { };
                assertThat(guarded.passesOver(request(path, method, none))).as("passed over: %s %s", method, path)
                        .isTrue();
                assertThat(outcome(guarded, path, method, none)).as("%s %s", method, path).isEqualTo("none");
                assertThat(outcome(stock, path, method, none)).as("stock: %s %s", method, path).isEqualTo("none");
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(400);
    }

    @Test
    void theRunningServiceStillAnswersLivenessAndTheApi() {
        ServiceClient client = new ServiceClient(port);
        Answer liveness = client.get("/actuator/health/liveness");
        assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
        Answer encoded = client.raw("GET /%61ctuator/health/liveness HTTP/1.1");
        assertThat(encoded.status()).as(encoded.body()).isEqualTo(200);

        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        Answer latest = client.send("GET", "/api/v1/sites/" + site.siteId() + "/latest", null, "X-API-Key", reader);
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        assertThat(latest.json().path("site_id").asString()).isEqualTo(site.siteId());
        assertThat(client.send("GET", "/api/v1/sites/" + site.siteId() + "/latest", null).status()).isEqualTo(401);

        DispatcherServlet dispatcher = context.getBean(DispatcherServlet.class);
        assertThat(dispatcher.getHandlerMappings()).as("the dispatcher asks the guarded mapping")
                .contains(actuatorMapping);
    }

    /** A stock mapping from Spring Boot's own bean method, on the same inputs, initialised like a bean. */
    @SuppressWarnings("removal")
    private WebMvcEndpointHandlerMapping stock() {
        WebMvcEndpointHandlerMapping stock = ReflectionTestUtils.invokeMethod(
                new WebMvcEndpointManagementContextConfiguration(), "webEndpointServletHandlerMapping",
                context.getBean(WebEndpointsSupplier.class),
                context.getBean(org.springframework.boot.actuate.endpoint.web.annotation.ServletEndpointsSupplier.class),
                context.getBean(org.springframework.boot.actuate.endpoint.web.annotation.ControllerEndpointsSupplier.class),
                context.getBean(EndpointMediaTypes.class), context.getBean(CorsEndpointProperties.class),
                context.getBean(WebEndpointProperties.class), context.getBean(Environment.class));
        stock.setApplicationContext(context);
        stock.afterPropertiesSet();
        return stock;
    }

    private static MockHttpServletRequest request(String path, String method, Consumer<MockHttpServletRequest> variant) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        variant.accept(request);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** The handler's bean without its identity, and for an {@code OPTIONS} answer the headers it gives. */
    private static String describe(HandlerMethod handler) throws Exception {
        String described = (handler.getBean() + " " + handler.getMethod()).replaceAll("@[0-9a-f]+", "");
        if (handler.getBean().getClass().getSimpleName().equals("HttpOptionsHandler")) {
            handler.getMethod().setAccessible(true);
            described += " answering " + handler.getMethod().invoke(handler.getBean());
        }
        return described;
    }

    private static String outcome(HandlerMapping mapping, String path, String method,
            Consumer<MockHttpServletRequest> variant) {
        MockHttpServletRequest request = request(path, method, variant);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            Object handler = chain.getHandler();
            List<String> interceptors = new ArrayList<>();
            chain.getInterceptorList().forEach(interceptor -> interceptors.add(interceptor.getClass().getName()));
            return "handler " + (handler instanceof HandlerMethod handlerMethod ? describe(handlerMethod)
                            : handler.getClass().getName())
                    + " interceptors " + interceptors
                    + " variables " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    + " pattern " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                    + " produces " + request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        } catch (Exception e) {
            return e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }
}
