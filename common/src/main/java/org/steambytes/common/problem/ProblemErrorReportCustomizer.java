package org.steambytes.common.problem;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} on Tomcat's host in place of its HTML error report valves, so
 * that requests Tomcat rejects before Spring sees them answer problem+json like every other error.
 */
public final class ProblemErrorReportCustomizer
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ProblemJsonWriter writer;

    public ProblemErrorReportCustomizer(ProblemJsonWriter writer) {
        this.writer = writer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> replaceErrorReportValves((Host) context.getParent()));
    }

    private void replaceErrorReportValves(Host host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemErrorReportValve(writer));
        if (host instanceof StandardHost standardHost) {
            // At start the host adds Tomcat's HTML valve unless a valve of this class is already there.
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }

    /**
     * Last, after Boot's own Tomcat customizer (order 0), whose context customizer adds an HTML
     * valve when {@code server.error.include-stacktrace=never}: context customizers run in the order
     * they were added, so this one removes it.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
