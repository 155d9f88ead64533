package dev.greenlight.approval;

import dev.greenlight.platform.web.BodySizeLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request-level limits shared by every endpoint. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * First in the chain, so a huge comment or rationale is refused before authentication or parsing
     * reads it, whether declared by Content-Length or sent chunked.
     */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(ApprovalProperties properties) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(properties.maxBodySize(), "greenlight.approval.max-body-size"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
