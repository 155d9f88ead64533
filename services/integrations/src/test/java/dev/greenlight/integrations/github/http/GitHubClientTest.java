package dev.greenlight.integrations.github.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.greenlight.integrations.github.domain.CommitStatus;
import dev.greenlight.integrations.github.domain.ProtectionRequest;
import dev.greenlight.integrations.github.domain.ProtectionReview;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GitHub App client against a local fake of GitHub Enterprise Server's API (base {@code /api/v3}),
 * asserting the exact requests: the App JWT (RS256, iss/iat/exp, verified here with the public key) is
 * exchanged for an installation token, which is cached until shortly before its expiry; commit statuses
 * and protection-rule reviews carry GitHub's documented bodies and headers; rate limits and Retry-After
 * are honoured within bounds.
 */
class GitHubClientTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    final WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort());
    final List<Duration> waits = new ArrayList<>();
    KeyPair keys;
    GitHubClient client;

    @BeforeEach
    void start() throws Exception {
        github.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        // GitHub hands out PKCS#1 keys ("BEGIN RSA PRIVATE KEY"): the PKCS#8 DER of a 2048-bit key without its 26-byte header.
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(Arrays.copyOfRange(pkcs8, 26, pkcs8.length))
                + "\n-----END RSA PRIVATE KEY-----\n";
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        client = new GitHubClient(URI.create(github.baseUrl() + "/api/v3/"), 42, new AppJwt("123", pkcs1, clock),
                waits::add, clock, Duration.ofSeconds(60));
        github.stubFor(post(urlEqualTo("/api/v3/app/installations/42/access_tokens")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"token\": \"ghs_installation\", \"expires_at\": \"2026-12-01T11:00:00Z\"}")));
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    @Test
    void aCommitStatusIsPostedWithAnInstallationTokenMintedOnceFromTheAppJwt() throws Exception {
        github.stubFor(post(urlEqualTo("/api/v3/repos/acme/ict-qm/statuses/" + SHA))
                .willReturn(aResponse().withStatus(201)));
        CommitStatus status = new CommitStatus("acme/ict-qm", SHA, "failure", "NO-GO: unit-tests: 2 of 3 FAIL",
                "greenlight/canary", "http://console.test/releases/ict-qm/1.2.3");

        client.createStatus(status);
        client.createStatus(status);

        github.verify(1, postRequestedFor(urlEqualTo("/api/v3/app/installations/42/access_tokens"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
        github.verify(2, postRequestedFor(urlEqualTo("/api/v3/repos/acme/ict-qm/statuses/" + SHA))
                .withHeader("Authorization", equalTo("Bearer ghs_installation"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withRequestBody(equalToJson("""
                        {"state": "failure", "target_url": "http://console.test/releases/ict-qm/1.2.3",
                         "description": "NO-GO: unit-tests: 2 of 3 FAIL", "context": "greenlight/canary"}""")));
        String authorization = github.findAll(postRequestedFor(urlEqualTo("/api/v3/app/installations/42/access_tokens")))
                .get(0).getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String[] jwt = authorization.substring("Bearer ".length()).split("\\.");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        assertThat(claims.path("iss").asString()).isEqualTo("123");
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond() - 60);
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 540);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @Test
    void rateLimitsAndRetryAfterAreWaitedOut_thenTheRequestGoesThrough() {
        String path = "/api/v3/repos/acme/ict-qm/statuses/" + SHA;
        github.stubFor(post(urlEqualTo(path)).inScenario("limits").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 30)))
                .willSetStateTo("secondary"));
        github.stubFor(post(urlEqualTo(path)).inScenario("limits").whenScenarioStateIs("secondary")
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "5")).willSetStateTo("server"));
        github.stubFor(post(urlEqualTo(path)).inScenario("limits").whenScenarioStateIs("server")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        github.stubFor(post(urlEqualTo(path)).inScenario("limits").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201)));

        client.createStatus(new CommitStatus("acme/ict-qm", SHA, "success", "GO", "greenlight/canary", "http://c"));

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(4));
        github.verify(4, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aRateLimitResettingBeyondTheMaximumWaitGivesUpAtOnce_aPlainForbiddenIsNotRetried() {
        String path = "/api/v3/repos/acme/ict-qm/statuses/" + SHA;
        github.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 3600))));

        assertThatThrownBy(() -> client.createStatus(new CommitStatus("acme/ict-qm", SHA, "success", "GO",
                "greenlight/canary", "http://c"))).hasMessageContaining("HTTP 403");

        assertThat(waits).isEmpty();
        github.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aProtectionRuleIsReviewedOnItsCallbackUrl_aCallbackOffTheApiIsRefusedWithoutARequest() {
        String callback = "/api/v3/repos/acme/ict-qm/actions/runs/77/deployment_protection_rule";
        github.stubFor(post(urlEqualTo(callback)).willReturn(aResponse().withStatus(204)));
        ProtectionReview review = new ProtectionReview("approved", "Greenlight GO for ict-qm 1.2.3 live-100.");

        client.review(new ProtectionRequest("ict-qm", "live-100", SHA, "production",
                URI.create(github.baseUrl() + callback), 42), review);

        github.verify(postRequestedFor(urlEqualTo(callback))
                .withHeader("Authorization", equalTo("Bearer ghs_installation"))
                .withRequestBody(equalToJson("""
                        {"environment_name": "production", "state": "approved",
                         "comment": "Greenlight GO for ict-qm 1.2.3 live-100."}""")));
        assertThatThrownBy(() -> client.review(new ProtectionRequest("ict-qm", "live-100", SHA, "production",
                URI.create("https://evil.example.com/api/v3/x"), 42), review))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(github.getAllServeEvents()).as("one token exchange and the one review, nothing else")
                .hasSize(2);
    }
}
