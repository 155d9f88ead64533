package dev.greenlight.checkingest;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.platform.web.BodySizeLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** Request-level limits shared by every endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class WebConfiguration {

    /** First in the chain, so an oversized body is refused before authentication or parsing reads it. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(IngestProperties properties) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(properties.maxBodySize(), "greenlight.ingest.max-body-size"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * No Micrometer observation around each of Spring Security's filters, its authentication and
     * its authorization: on the ingest path (one small sample per request, thousands a second) they
     * took about a third of the request's CPU — a meter lookup per filter event and the caller's
     * authorities rendered as a string on every request — and told nothing the per-request
     * {@code http.server.requests} metric does not. Refusals stay visible there (status 401/403).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
