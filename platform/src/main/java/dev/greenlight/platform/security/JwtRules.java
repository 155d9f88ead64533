package dev.greenlight.platform.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What a JWT must prove besides its signature, enforced whichever {@link JwtDecoder} the service
 * was given (Spring Boot's from {@code issuer-uri}/{@code jwk-set-uri}, or a custom bean): it
 * carries an expiry and has not expired, was issued by the configured issuer, and is meant for
 * this audience. Issuer and audience come from Spring Boot's standard properties; under production
 * settings both are required, or a token minted for another application of the same identity
 * provider would be accepted here.
 */
record JwtRules(String issuer, List<String> audiences) {

    static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String AUDIENCES_PROPERTY = "spring.security.oauth2.resourceserver.jwt.audiences";

    static JwtRules from(Environment environment, boolean production) {
        String issuer = environment.getProperty(ISSUER_PROPERTY);
        String[] configured = environment.getProperty(AUDIENCES_PROPERTY, String[].class, new String[0]);
        List<String> audiences = List.of(configured).stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
        if (production && audiences.isEmpty()) {
            throw new IllegalStateException("Refusing to start: JWT mode under production settings needs the "
                    + "audience this service accepts: set " + AUDIENCES_PROPERTY);
        }
        if (production && (issuer == null || issuer.isBlank())) {
            throw new IllegalStateException("Refusing to start: JWT mode under production settings needs the "
                    + "trusted issuer: set " + ISSUER_PROPERTY);
        }
        return new JwtRules(issuer == null || issuer.isBlank() ? null : issuer.trim(), audiences);
    }

    OAuth2TokenValidator<Jwt> validator() {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    /** {@code decoder}, then these rules on what it decoded. */
    JwtDecoder enforcedBy(JwtDecoder decoder) {
        OAuth2TokenValidator<Jwt> validator = validator();
        return token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = validator.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("the token was refused: " + result.getErrors().iterator().next()
                        .getDescription(), result.getErrors());
            }
            return jwt;
        };
    }
}
