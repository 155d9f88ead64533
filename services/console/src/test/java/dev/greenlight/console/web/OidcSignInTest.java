package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.greenlight.console.ConsoleApplication;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Production sign-in: with an OIDC client registered, the sign-in page offers the identity
 * provider, and starting the login redirects to the configured issuer's authorization endpoint
 * (authorization-code flow, with state and PKCE-free client secret as configured).
 */
@SpringBootTest(properties = {
        "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "greenlight.console.projection.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "spring.security.oauth2.client.registration.greenlight.client-id=greenlight-console",
        "spring.security.oauth2.client.registration.greenlight.client-secret=s3cret",
        "spring.security.oauth2.client.registration.greenlight.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.greenlight.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.greenlight.scope=openid,profile",
        "spring.security.oauth2.client.provider.greenlight.authorization-uri=https://login.example.com/realms/greenlight/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.greenlight.token-uri=https://login.example.com/realms/greenlight/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.greenlight.jwk-set-uri=https://login.example.com/realms/greenlight/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.greenlight.user-name-attribute=preferred_username"})
@AutoConfigureMockMvc
@Import(InMemoryRegistryConfiguration.class)
class OidcSignInTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginRedirectGoesToTheConfiguredIssuer() throws Exception {
        String page = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("/oauth2/authorization/greenlight", "Sign in with your identity provider");

        String location = mvc.perform(get("/oauth2/authorization/greenlight")).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(location).startsWith("https://login.example.com/realms/greenlight/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=greenlight-console", "scope=openid%20profile", "state=",
                        "redirect_uri=http://localhost/login/oauth2/code/greenlight");
    }
}
