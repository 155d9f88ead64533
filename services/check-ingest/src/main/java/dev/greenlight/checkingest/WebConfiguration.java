package dev.greenlight.checkingest;

import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.platform.web.BodySizeLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
}
