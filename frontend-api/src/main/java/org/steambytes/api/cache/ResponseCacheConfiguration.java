package org.steambytes.api.cache;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.api.ApiProperties;
import org.steambytes.api.change.ChangeBus;
import org.steambytes.common.security.SecurityChainFilters;

@Configuration(proxyBeanMethods = false)
class ResponseCacheConfiguration {

    @Bean
    ResponseCacheFilter responseCacheFilter(StringRedisTemplate redis, ApiProperties properties, ChangeBus changes) {
        return new ResponseCacheFilter(new ResponseCache(redis, properties.cacheNamespace(), changes));
    }

    /** Only inside the security chain (after authentication), not as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<ResponseCacheFilter> responseCacheFilterRegistration(ResponseCacheFilter filter) {
        return SecurityChainFilters.onlyInSecurityChain(filter);
    }
}
