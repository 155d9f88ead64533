package dev.greenlight.console.signin.web;

import dev.greenlight.console.signin.application.TokenSignIn;
import dev.greenlight.platform.security.GreenlightSecurityProperties;
import dev.greenlight.platform.security.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The console's web security. Unlike the APIs (stateless bearer tokens), people use a browser: a
 * session in an HTTP-only, SameSite cookie (see {@code console.yml}), CSRF tokens on every form
 * (Spring Security's defaults, kept), and a redirect to the sign-in page instead of a 401. The
 * bean replaces the platform's API filter chain by name.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    private static final String[] OPEN = {"/sign-in", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"};

    @Bean
    SecurityContextRepository consoleSecurityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    TokenSignIn tokenSignIn(UserDirectory users, GreenlightSecurityProperties properties) {
        return new TokenSignIn(users, properties.mode() == GreenlightSecurityProperties.Mode.USERS_FILE);
    }

    @Bean
    SecurityFilterChain greenlightSecurityFilterChain(HttpSecurity http, SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new UndecodableCsrfTokens()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("GREENLIGHT_CONSOLE"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "connect-src 'self'; frame-ancestors 'none'; form-action 'self' https:")));
        if (registrations.getIfAvailable() != null) {
            // Production: people sign in at the identity provider (authorization-code flow).
            http.oauth2Login(login -> login.loginPage("/sign-in").defaultSuccessUrl("/", true));
        }
        return http.build();
    }
}
