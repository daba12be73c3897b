package org.steambytes.api.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.data.web.config.SortHandlerMethodArgumentResolverCustomizer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Data's {@code Pageable} and {@code Sort} resolvers, configured as Spring Boot configures its own (the
 * same customizers), but remembering per controller parameter what they read from its annotations
 * ({@code @Qualifier}, {@code @SortDefault}): Spring Data looks the annotations up on every request, which was
 * 17 % of the alerts list's request-thread CPU (docs/PERFORMANCE.md "Read path"). Placed before Spring Data's
 * own resolvers, which then never see a {@code Pageable} parameter. What a request's {@code page}, {@code size}
 * and {@code sort} mean is unchanged: they are still read per request by Spring Data's code.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageableResolvers implements WebMvcConfigurer {

    private final ObjectProvider<PageableHandlerMethodArgumentResolverCustomizer> pageableCustomizers;
    private final ObjectProvider<SortHandlerMethodArgumentResolverCustomizer> sortCustomizers;

    PageableResolvers(ObjectProvider<PageableHandlerMethodArgumentResolverCustomizer> pageableCustomizers,
            ObjectProvider<SortHandlerMethodArgumentResolverCustomizer> sortCustomizers) {
        this.pageableCustomizers = pageableCustomizers;
        this.sortCustomizers = sortCustomizers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        RememberingSortResolver sort = new RememberingSortResolver();
        sortCustomizers.orderedStream().forEach(customizer -> customizer.customize(sort));
        RememberingPageableResolver pageable = new RememberingPageableResolver(sort);
        pageableCustomizers.orderedStream().forEach(customizer -> customizer.customize(pageable));
        resolvers.add(0, pageable);
        resolvers.add(1, sort);
    }

    private record Named(String source, MethodParameter parameter) {
    }

    static final class RememberingPageableResolver extends PageableHandlerMethodArgumentResolver {

        private final Map<Named, String> names = new ConcurrentHashMap<>();

        RememberingPageableResolver(SortHandlerMethodArgumentResolver sort) {
            super(sort);
        }

        @Override
        protected String getParameterNameToUse(String source, MethodParameter parameter) {
            if (parameter == null) {
                return super.getParameterNameToUse(source, null);
            }
            return names.computeIfAbsent(new Named(source, parameter),
                    named -> super.getParameterNameToUse(named.source(), named.parameter()));
        }
    }

    static final class RememberingSortResolver extends SortHandlerMethodArgumentResolver {

        private final Map<MethodParameter, String> names = new ConcurrentHashMap<>();
        private final Map<MethodParameter, Sort> defaults = new ConcurrentHashMap<>();

        @Override
        protected String getSortParameter(MethodParameter parameter) {
            return parameter == null ? super.getSortParameter(null)
                    : names.computeIfAbsent(parameter, super::getSortParameter);
        }

        @Override
        protected Sort getDefaultFromAnnotationOrFallback(MethodParameter parameter) {
            return parameter == null ? super.getDefaultFromAnnotationOrFallback(null)
                    : defaults.computeIfAbsent(parameter, super::getDefaultFromAnnotationOrFallback);
        }
    }
}
