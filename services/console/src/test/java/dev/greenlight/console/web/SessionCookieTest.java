package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.console.ConsoleApplication;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The session cookie as a real browser receives it: HTTP-only and SameSite, never readable by a script. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "greenlight.console.projection.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "greenlight.security.demo-users=true"})
@Import(InMemoryRegistryConfiguration.class)
class SessionCookieTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("GREENLIGHT_CONSOLE=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'"));
    }
}
