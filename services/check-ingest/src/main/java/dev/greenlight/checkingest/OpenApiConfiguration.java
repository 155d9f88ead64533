package dev.greenlight.checkingest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at {@code /v3/api-docs} (and Swagger UI): every call needs a bearer
 * token except the GitHub webhook, which is authenticated by its signature instead.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI checkIngestApi() {
        return new OpenAPI()
                .info(new Info().title("Greenlight check-ingest")
                        .description("Evidence from machines: releases, check results, metrics, GitHub and "
                                + "Alertmanager webhooks. Errors are RFC 9457 problem documents naming the field.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token from the users file (demo: demo-ci) or an OIDC JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
