package dev.greenlight.integrations;

import dev.greenlight.platform.web.BodySizeLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request-level limits shared by every endpoint, the GitHub webhook included. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** First in the chain, so an oversized body is refused before authentication or parsing reads it. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(IntegrationsProperties properties) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(properties.maxBodySize(), "greenlight.integrations.max-body-size"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
