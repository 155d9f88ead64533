package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.tracing.RequestTraces;
import dev.greenlight.platform.tracing.Traceparent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The lean observation of the two evidence endpoints: the general {@code http.server.requests}
 * observation (and its tracing span) is switched off for them unless the caller asks for its trace
 * to be recorded, and {@link EvidenceObservation} times them and carries their trace context
 * instead, handing a request whose caller asks for its trace to be recorded to the observation filter
 * itself. Applies whether the servlet or the MVC controllers serve the paths.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceObservationConfiguration {

    private static final Set<String> PATHS = Set.of(EvidenceServlet.METRICS, EvidenceServlet.CHECKS);

    @Bean
    RequestTraces requestTraces(@Value("${management.tracing.sampling.probability:0.1}") double sampling) {
        return new RequestTraces(sampling);
    }

    /**
     * Right after Spring Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}) and before the
     * security chain, so 401/403 refusals are timed too.
     */
    @Bean
    FilterRegistrationBean<EvidenceObservation> evidenceObservation(MeterRegistry meters, RequestTraces traces,
            ObjectProvider<FilterRegistrationBean<ServerHttpObservationFilter>> observation) {
        FilterRegistrationBean<ServerHttpObservationFilter> observed = observation.getIfAvailable();
        FilterRegistrationBean<EvidenceObservation> registration = new FilterRegistrationBean<>(
                new EvidenceObservation(meters, traces, observed == null ? null : observed.getFilter()));
        registration.addUrlPatterns(EvidenceServlet.METRICS, EvidenceServlet.CHECKS);
        registration.setName("evidenceObservation");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** No server observation for an evidence request unless its caller asked for its trace to be recorded. */
    @Bean
    ObservationPredicate evidenceRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && lean(server.getCarrier()));
    }

    private static boolean lean(HttpServletRequest request) {
        return request != null && PATHS.contains(request.getServletPath())
                && !RequestTraces.recordedByCaller(request.getHeader(Traceparent.HEADER));
    }
}
