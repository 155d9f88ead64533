package dev.greenlight.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Production mode: an OIDC issuer's signed JWT authenticates the caller, and the roles and
 * publisher scopes come from the configured claims. The issuer is played by a locally generated
 * RSA key; the service trusts only that key's signatures.
 */
@SpringBootTest(classes = JwtModeIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenlight.security.mode=JWT",
        "greenlight.security.jwt.roles-claim=groups",
        "greenlight.security.jwt.name-claim=preferred_username",
        "greenlight.security.production=true",
        "greenlight.security.aliases.bob=bob@example.com,bob-gh",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + JwtModeIT.ISSUER_URI,
        "spring.security.oauth2.resourceserver.jwt.audiences=greenlight"})
class JwtModeIT {

    static final String ISSUER_URI = "https://login.example.com/realms/greenlight";
    static final KeyPair ISSUER = rsa();
    static final KeyPair IMPOSTOR = rsa();

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = "dev.greenlight.platform.kafka.GreenlightKafkaAutoConfiguration")
    @ImportAutoConfiguration(GreenlightSecurityAutoConfiguration.class)
    static class App {

        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER.getPublic()).build();
        }

        @Bean
        WhoAmI whoAmI() {
            return new WhoAmI();
        }
    }

    @RestController
    static class WhoAmI {
        @GetMapping("/api/v1/whoami")
        Map<String, Object> whoAmI(Actor actor) {
            return Map.of("name", actor.name(), "roles", actor.roles(), "targets", actor.targets(),
                    "aliases", actor.aliases());
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aSignedTokenAuthenticatesWithRolesAndScopesFromItsClaims() {
        String token = token(ISSUER, "grace", List.of("auditor", "risk"), List.of("trading-*"));

        Answer answer = get(token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"name\":\"grace\"").contains("auditor").contains("risk")
                .contains("trading-*");
    }

    @Test
    void aTokenSignedByAnyoneElseIsRefused() {
        assertThat(get(token(IMPOSTOR, "mallory", List.of("founder"), List.of("*"))).status()).isEqualTo(401);
    }

    @Test
    void noTokenIsChallenged() {
        assertThat(get(null).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        assertThat(get(token(ISSUER, valid("grace").issuedAt(past.minusSeconds(300)).expiresAt(past))).status())
                .isEqualTo(401);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        Instant now = Instant.now();
        assertThat(get(token(ISSUER, JwtClaimsSet.builder().claim("preferred_username", "grace")
                .claim("groups", List.of("auditor")).issuer(ISSUER_URI).audience(List.of("greenlight"))
                .issuedAt(now))).status()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThat(get(token(ISSUER, valid("grace").issuer("https://evil.example.com"))).status()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(get(token(ISSUER, valid("grace").audience(List.of("payroll")))).status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheNameClaimIsRefused_neverNamedByItsSubject() {
        Answer answer = get(token(ISSUER, valid("grace").claims(c -> c.remove("preferred_username"))));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("preferred_username").doesNotContain("sub-grace");
    }

    @Test
    void aTokenWhoseNameHidesAnInvisibleCharacterIsRefused() {
        Answer answer = get(token(ISSUER, valid("b\u200Bob")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("zero-width");
    }

    @Test
    void aTokenWhoseAliasHidesABidiControlIsRefused() {
        assertThat(get(token(ISSUER, valid("grace").claim("aliases", List.of("grace\u202E")))).status())
                .isEqualTo(401);
    }

    @Test
    void whateverNameAPersonLogsInWith_theActorIsTheirCanonicalPrimaryName_withEveryAlias() {
        Answer byEmail = get(token(ISSUER, valid("Bob@Example.com").claim("aliases", List.of("robert"))));

        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.body()).contains("\"name\":\"bob\"").contains("bob@example.com").contains("bob-gh")
                .contains("robert");
        assertThat(get(token(ISSUER, valid(" \uFF22OB"))).body()).contains("\"name\":\"bob\"");
    }

    private Answer get(String token) {
        return RestClient.create("http://localhost:" + port).get().uri("/api/v1/whoami")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    return new Answer(status.value(), new String(response.getBody().readAllBytes()));
                });
    }

    record Answer(int status, String body) {
    }

    private static String token(KeyPair signer, String user, List<String> groups, List<String> targets) {
        Instant now = Instant.now();
        return token(signer, JwtClaimsSet.builder()
                .subject("sub-" + user).claim("preferred_username", user)
                .claim("groups", groups).claim("targets", targets)
                .issuer(ISSUER_URI).audience(List.of("greenlight"))
                .issuedAt(now).expiresAt(now.plusSeconds(300)));
    }

    private static JwtClaimsSet.Builder valid(String user) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().subject("sub-" + user).claim("preferred_username", user)
                .claim("groups", List.of("auditor")).issuer(ISSUER_URI).audience(List.of("greenlight"))
                .issuedAt(now).expiresAt(now.plusSeconds(300));
    }

    private static String token(KeyPair signer, JwtClaimsSet.Builder builder) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) signer.getPublic())
                .privateKey((RSAPrivateKey) signer.getPrivate()).keyID("test").build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        JwtClaimsSet claims = builder.build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build(),
                claims)).getTokenValue();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
