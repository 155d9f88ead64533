package dev.greenlight.checkingest.release.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "0.0.0", "1.2.4-hotfix.1", "2.0.0-beta.2", "1.0.0-alpha.1+build.5",
            "1.0.0+20130313144700", "10.20.30-rc.1.x-y"})
    void acceptsSemanticVersions(String text) {
        assertThat(SemanticVersion.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.2.3", "1.2", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3 ", "", "1.2.3.4",
            "99999999999999999999.0.0"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> SemanticVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.isEmpty() ? "''" : text.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.4-hotfix.1", "2.0.0-beta.2"})
    void knowsAPreReleaseFromItsSuffix(String text) {
        assertThat(SemanticVersion.parse(text).isPreRelease()).isTrue();
        assertThat(SemanticVersion.parse("2.0.0+build.1").isPreRelease()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1.0-beta.1+exp.sha.5114f85"})
    void splitsIntoItsParts(String text) {
        SemanticVersion version = SemanticVersion.parse(text);
        assertThat(version.major()).isEqualTo(2);
        assertThat(version.minor()).isEqualTo(1);
        assertThat(version.patch()).isZero();
        assertThat(version.preRelease()).contains("beta.1");
        assertThat(version.buildMetadata()).contains("exp.sha.5114f85");
    }

    @org.junit.jupiter.api.Test
    void ordersByPrecedenceAsTheSpecificationsExampleChainDoes() {
        // SemVer 2.0.0 §11: each is lower than the next.
        String[] chain = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"};
        for (int i = 0; i + 1 < chain.length; i++) {
            assertThat(SemanticVersion.parse(chain[i])).as(chain[i] + " < " + chain[i + 1])
                    .isLessThan(SemanticVersion.parse(chain[i + 1]));
        }
        assertThat(SemanticVersion.parse("1.0.0+a")).isEqualByComparingTo(SemanticVersion.parse("1.0.0+b"));
    }
}
