package dev.greenlight.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One way of authenticating callers for every Greenlight service: a bearer token on every API
 * call. In the default mode tokens are looked up (by SHA-256) in a users file; in JWT mode an
 * OAuth2/OIDC issuer vouches for the caller and its roles. Health, metrics and API docs stay open
 * for probes and scrapers. Who may do what (roles, four-eyes, publisher scopes) is decided by each
 * service's application layer from the resolved {@link Actor}.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(GreenlightSecurityProperties.class)
public class GreenlightSecurityAutoConfiguration {

    private static final String[] ALWAYS_OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
        "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean
    UserDirectory userDirectory(GreenlightSecurityProperties properties, Environment environment) {
        if (production(properties, environment) && properties.demoUsers()) {
            throw new IllegalStateException("Refusing to start: demo users (greenlight.security.demo-users) are "
                    + "enabled under production settings. Remove them and configure a users file or JWT mode.");
        }
        List<UserAccount> users = new ArrayList<>();
        if (properties.demoUsers()) {
            users.addAll(DemoUsers.all());
        }
        if (properties.usersFile() != null) {
            users.addAll(UserDirectory.read(properties.usersFile()));
        }
        return new UserDirectory(users, properties.aliases());
    }

    @Bean
    @ConditionalOnMissingBean
    ActorResolver actorResolver(GreenlightSecurityProperties properties, UserDirectory users) {
        return new ActorResolver(properties.jwt(), users);
    }

    @Bean
    @ConditionalOnMissingBean(name = "greenlightSecurityFilterChain")
    SecurityFilterChain greenlightSecurityFilterChain(HttpSecurity http, GreenlightSecurityProperties properties,
            UserDirectory users, Environment environment, ObjectProvider<JwtDecoder> decoders) throws Exception {
        http.csrf(csrf -> csrf.disable()) // stateless bearer-token API: no cookies to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(ALWAYS_OPEN).permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    requests.anyRequest().authenticated();
                });
        bearerTokens(http, properties, users, environment, decoders);
        return http.build();
    }

    /**
     * How a bearer token authenticates a request — users-file tokens (looked up by SHA-256) or, in JWT
     * mode, the issuer's tokens with Greenlight's rules — and how a missing or refused one is answered
     * (401/403 problem documents with the {@code WWW-Authenticate: Bearer} challenge). Public so a
     * service that adds its own, leaner filter chain for a hot path (check-ingest's evidence
     * endpoints) authenticates exactly as every other endpoint does, never by hand.
     */
    public static HttpSecurity bearerTokens(HttpSecurity http, GreenlightSecurityProperties properties,
            UserDirectory users, Environment environment, ObjectProvider<JwtDecoder> decoders) throws Exception {
        JwtRules jwtRules = properties.mode() == GreenlightSecurityProperties.Mode.JWT
                ? JwtRules.from(environment, production(properties, environment)) : null;
        return http.exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .oauth2ResourceServer(server -> {
                    server.authenticationEntryPoint(ProblemResponses.unauthorized())
                            .accessDeniedHandler(ProblemResponses.forbidden());
                    if (properties.mode() == GreenlightSecurityProperties.Mode.JWT) {
                        server.jwt(jwt -> {
                            JwtDecoder decoder = decoders.getIfAvailable();
                            if (decoder != null) {
                                jwt.decoder(jwtRules.enforcedBy(decoder));
                            }
                            jwt.jwtAuthenticationConverter(new JwtIdentityConverter(properties.jwt()));
                        });
                    } else {
                        server.opaqueToken(token -> token.introspector(new UsersFileTokenIntrospector(users)));
                    }
                });
    }

    @Bean
    WebMvcConfigurer greenlightActorArgument(ActorResolver actors) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver(actors));
            }
        };
    }

    private static boolean production(GreenlightSecurityProperties properties, Environment environment) {
        return properties.production() || ProductionMode.isOn(environment);
    }
}
