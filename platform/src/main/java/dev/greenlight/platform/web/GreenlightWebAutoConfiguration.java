package dev.greenlight.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/** Gives every servlet-based Greenlight service the shared problem documents of {@link CommonApiErrors}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ProblemDetail.class)
public class GreenlightWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CommonApiErrors commonApiErrors() {
        return new CommonApiErrors();
    }
}
