package org.steambytes.api.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC's request mappings with the path-shape shortcut ({@link PathShapeHandlerMapping}); Spring Boot configures it as its own. */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfiguration implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PathShapeHandlerMapping();
    }
}
