package dev.greenlight.checkingest;

import dev.greenlight.platform.security.GreenlightSecurityAutoConfiguration;
import dev.greenlight.platform.security.GreenlightSecurityProperties;
import dev.greenlight.platform.security.UserDirectory;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * A lean filter chain for the two evidence endpoints machines call thousands of times a second
 * ({@code POST /api/v1/metrics}, {@code /api/v1/checks}): every request is authenticated by its
 * bearer token exactly as on every other endpoint (the platform's
 * {@link GreenlightSecurityAutoConfiguration#bearerTokens}: same tokens, same JWT rules, same 401/403
 * problem documents) and must be authenticated; roles and publisher scopes are still decided from
 * the {@code Actor} by the application layer. What it leaves out is what a stateless bearer-token
 * API never uses and the general chain still runs on every request: the logout filter, the saved
 * request cache, the servlet API wrapper, anonymous authentication, session management and the
 * session-backed security context (the context lives in a request attribute and is cleared after the
 * request), and two filters the DSL adds that never act on these paths ({@link #idleOnEvidencePaths}).
 * Security headers are reduced to {@code X-Content-Type-Options: nosniff} and
 * {@code Cache-Control: no-store}: the answers are small JSON documents to machines, not pages a
 * browser frames or an HTTPS site pins. Measured in docs/performance.md ("Fifth pass", "Eighth pass").
 *
 * <p>check-ingest also publishes no Spring application event per authentication
 * ({@link #quietAuthentication()}): nothing in it listens, and publishing one per request cost about
 * 2 % of a one-sample request's allocations.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceSecurity {

    /** The paths this chain serves; everything else goes through the platform's general chain. */
    static final String[] EVIDENCE_PATHS = {"/api/v1/metrics", "/api/v1/checks"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the platform's chain, which matches every request
    SecurityFilterChain evidenceSecurityFilterChain(HttpSecurity http, GreenlightSecurityProperties properties,
            UserDirectory users, Environment environment, ObjectProvider<JwtDecoder> decoders) throws Exception {
        http.securityMatcher(EVIDENCE_PATHS)
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie to forge a request with
                .sessionManagement(sessions -> sessions.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> headers.defaultsDisabled()
                        .contentTypeOptions(Customizer.withDefaults())
                        .cacheControl(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        GreenlightSecurityAutoConfiguration.bearerTokens(http, properties, users, environment, decoders);
        DefaultSecurityFilterChain chain = http.build();
        return new DefaultSecurityFilterChain(chain.getRequestMatcher(),
                chain.getFilters().stream().filter(filter -> !idleOnEvidencePaths(filter)).toList());
    }

    /**
     * Filters the DSL adds that can never act on these two paths, taken out so a request does not pass
     * through them: the resource server's metadata endpoint ({@code /.well-known/oauth-protected-resource},
     * which this chain's matcher never lets in) and the integration of the security context with
     * Spring MVC's asynchronous request processing (the evidence endpoints answer in the dispatch that
     * read the request, never asynchronously). Authentication, its refusal (401/403) and authorization
     * stay as configured above.
     */
    static boolean idleOnEvidencePaths(Filter filter) {
        return filter instanceof OAuth2ProtectedResourceMetadataFilter || filter instanceof WebAsyncManagerIntegrationFilter;
    }

    /**
     * Spring Boot's default publishes an {@code AuthenticationSuccessEvent} to the application
     * context on every authenticated request; no listener in check-ingest reads them (refusals are
     * counted by the {@code http.server.requests} metric, status 401/403).
     */
    @Bean
    AuthenticationEventPublisher quietAuthentication() {
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
            }

            @Override
            public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
            }
        };
    }
}
