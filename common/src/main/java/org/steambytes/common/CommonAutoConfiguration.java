package org.steambytes.common;

import java.time.Clock;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.steambytes.common.problem.ProblemDetailsAdvice;
import org.steambytes.common.problem.ProblemErrorController;
import org.steambytes.common.problem.ProblemErrorReportCustomizer;
import org.steambytes.common.problem.ProblemJsonWriter;
import org.steambytes.common.security.ProblemSecurityHandlers;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets from common: problem+json on every error path and the one {@link Clock}
 * every time-dependent class takes (UTC; a test may declare its own). The reading store and its
 * health come from {@link org.steambytes.common.reading.ReadingStoreConfiguration}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class CommonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnWebApplication
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnWebApplication
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemJsonWriter problemJsonWriter(JsonMapper json) {
        return new ProblemJsonWriter(json);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemJsonWriter writer) {
        return new ProblemSecurityHandlers(writer, "Bearer");
    }

    /** Requests Tomcat rejects itself (an encoded slash in the path, a malformed request line) answer problem+json too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatErrorReportConfiguration {

        @Bean
        ProblemErrorReportCustomizer problemErrorReportCustomizer(ProblemJsonWriter writer) {
            return new ProblemErrorReportCustomizer(writer);
        }
    }
}
