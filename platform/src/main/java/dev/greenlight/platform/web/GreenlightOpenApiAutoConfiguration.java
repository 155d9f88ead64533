package dev.greenlight.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * One API description for every service that ships springdoc ({@code /v3/api-docs}, Swagger UI):
 * titled after the service, described by {@code greenlight.api.description}, and declaring the
 * bearer authentication every Greenlight API requires, so a generated client sends the token.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
public class GreenlightOpenApiAutoConfiguration {

    static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI greenlightApi(@Value("${spring.application.name:greenlight}") String service,
                          @Value("${greenlight.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("Greenlight " + service)
                        .description(description + (description.isBlank() ? "" : " ")
                                + "Errors are RFC 9457 problem documents naming the offending field.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token from the users file (local stack: demo-<name>) or an OIDC JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
