package dev.greenlight.checkingest.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Check names must be the names policies look up, or a gate would wait for a check nobody can report. */
class CheckNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"unit-tests", "validation-48h", "lane:cli", "lane:agent-runtime",
            "dependency:#44", "dependency:#80", "dependency:OPS-12", "dependency:org/repo#7"})
    void acceptsTheNamesPoliciesReference(String name) {
        assertThat(CheckReport.NAME.matcher(name).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unit Tests", "unit_tests", "lane:", ":cli", "lane:#44", "#44", "dependency:", "dependency: #44"})
    void refusesEverythingElse(String name) {
        assertThat(CheckReport.NAME.matcher(name).matches()).isFalse();
    }
}
