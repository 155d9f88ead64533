package dev.greenlight.approval.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.platform.failures.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "1.2.4-hotfix.1", "2.0.0-beta.2", "1.0.0-alpha.1+build.5"})
    void acceptsSemanticVersions(String version) {
        assertThat(Fields.version("version", version)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.2.3", "1.2", "01.2.3", "1.2.3-"})
    void refusesOtherVersionsNamingTheField(String version) {
        assertThatThrownBy(() -> Fields.version("version", version))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("Semantic Versioning");
    }

    @Test
    void anExpiryMustBeAWellFormedInstantInTheFutureButNotYearsAhead() {
        assertThat(Fields.optionalFuture("expiresAt", null, NOW)).isEmpty();
        assertThat(Fields.optionalFuture("expiresAt", "2026-12-01T00:00:00Z", NOW))
                .contains(Instant.parse("2026-12-01T00:00:00Z"));
        assertThatThrownBy(() -> Fields.optionalFuture("expiresAt", "tomorrow", NOW))
                .hasMessageContaining("expiresAt must be an ISO-8601");
        assertThatThrownBy(() -> Fields.optionalFuture("expiresAt", "2026-11-22T09:59:59Z", NOW))
                .hasMessageContaining("expiresAt must be in the future");
        assertThatThrownBy(() -> Fields.optionalFuture("expiresAt", "2036-11-22T10:00:00Z", NOW))
                .hasMessageContaining("days in the future");
    }
}
