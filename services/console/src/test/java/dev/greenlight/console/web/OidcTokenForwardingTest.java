package dev.greenlight.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.console.ConsoleApplication;
import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.domain.ReleaseAnnounced;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole authorization-code login against a stand-in identity provider (a local HTTP server
 * with a token endpoint and a JWK set; the ID token is really signed and really verified), then an
 * action: the approval API receives, as {@code Authorization: Bearer}, exactly the access token the
 * identity provider issued in that login, never the ID token nor anything of the console's own.
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
        "spring.security.oauth2.client.provider.greenlight.authorization-uri=https://login.example.com/auth",
        "spring.security.oauth2.client.provider.greenlight.user-name-attribute=preferred_username"})
@AutoConfigureMockMvc
@Import(InMemoryRegistryConfiguration.class)
class OidcTokenForwardingTest {

    static final String ACCESS_TOKEN = "eyJ.access-token-from-the-idp.sig";
    static final RSAKey KEY = rsaKey();
    static final List<String> API_AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    static final List<String> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    /** The nonce of the authorization request, which the ID token must carry back. */
    static volatile String nonce;
    static final HttpServer SERVER = server();

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFeed feed;

    static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("idp-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String answer;
                int status = 200;
                if (path.equals("/idp/token")) {
                    TOKEN_REQUESTS.add(body);
                    answer = "{\"access_token\": \"" + ACCESS_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300,"
                            + " \"scope\": \"openid profile\", \"id_token\": \"" + idToken() + "\"}";
                } else if (path.equals("/idp/certs")) {
                    answer = new JWKSet(KEY.toPublicJWK()).toString();
                } else {
                    API_AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    answer = "{\"approvalId\": \"a-1\"}";
                    status = 201;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String idToken() {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(base() + "/idp").subject("u-1234").audience("greenlight-console")
                            .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                            .claim("nonce", nonce).claim("preferred_username", "bob")
                            .claim("roles", List.of("auditor")).build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String base() {
        return "http://localhost:" + SERVER.getAddress().getPort();
    }

    @DynamicPropertySource
    static void idpAndApis(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.greenlight.token-uri", () -> base() + "/idp/token");
        registry.add("spring.security.oauth2.client.provider.greenlight.jwk-set-uri", () -> base() + "/idp/certs");
        registry.add("greenlight.console.services.approval", OidcTokenForwardingTest::base);
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    @Test
    void theAccessTokenOfTheAuthorizationCodeLoginIsTheBearerTokenTheApiReceives() throws Exception {
        feed.accept(new ReleaseAnnounced("oidc-qm", "1.0.0", "STRATEGY", "alice", "abc", "ict-release", Instant.EPOCH));
        MockHttpSession session = new MockHttpSession();

        String authorize = mvc.perform(get("/oauth2/authorization/greenlight").session(session)).andReturn()
                .getResponse().getRedirectedUrl();
        Map<String, String> query = query(authorize);
        nonce = query.get("nonce");
        assertThat(nonce).as("OIDC login asks for a nonce").isNotBlank();

        String landing = mvc.perform(get("/login/oauth2/code/greenlight").session(session)
                        .param("code", "the-code").param("state", query.get("state")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(landing).as("signed in through the identity provider").doesNotContain("error").doesNotContain("sign-in");
        assertThat(TOKEN_REQUESTS).singleElement().asString().contains("grant_type=authorization_code", "code=the-code");

        mvc.perform(post("/releases/oidc-qm@1.0.0/sign-off").session(session).with(csrf()).param("role", "auditor")
                .param("verdict", "APPROVE").param("comment", "AUD-7"));

        assertThat(API_AUTHORIZATIONS).containsExactly("Bearer " + ACCESS_TOKEN);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
