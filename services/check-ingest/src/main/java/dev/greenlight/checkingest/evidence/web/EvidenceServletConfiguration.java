package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.checkingest.evidence.application.ReportChecks;
import dev.greenlight.checkingest.evidence.application.ReportMetrics;
import dev.greenlight.platform.security.ActorResolver;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps {@link EvidenceServlet} to exactly the two evidence paths, where an exact servlet mapping
 * takes the requests before Spring MVC's {@code DispatcherServlet} (mapped to {@code /}) would.
 * {@code greenlight.ingest.evidence-servlet=false} leaves them to the MVC controllers — the path
 * the load benchmarks compare against.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "greenlight.ingest.evidence-servlet", havingValue = "true", matchIfMissing = true)
class EvidenceServletConfiguration {

    @Bean
    ServletRegistrationBean<EvidenceServlet> evidenceServlet(ReportMetrics reportMetrics, ReportChecks reportChecks,
            IngestProperties properties, JsonMapper mapper, ActorResolver actors,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver failures) {
        ServletRegistrationBean<EvidenceServlet> registration = new ServletRegistrationBean<>(
                new EvidenceServlet(reportMetrics, reportChecks, properties, mapper, actors, failures),
                EvidenceServlet.METRICS, EvidenceServlet.CHECKS);
        registration.setName("evidenceServlet");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
