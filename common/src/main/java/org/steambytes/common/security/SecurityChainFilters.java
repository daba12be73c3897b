package org.steambytes.common.security;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * A filter that is a Spring bean would also be registered by Boot as a plain servlet filter, running
 * outside (and before) the security chain; services that add their own filters to the chain keep
 * them there with this.
 */
public final class SecurityChainFilters {

    private SecurityChainFilters() {
    }

    public static <F extends Filter> FilterRegistrationBean<F> onlyInSecurityChain(F filter) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
