package dev.greenlight.policy.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.DetailCondition;
import dev.greenlight.policy.model.DetailTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code details:} conditions of a check criterion: typed operands, and errors that name the detail. */
class DetailConditionParserTest {

    private static CheckCriterion parse(String details) {
        return (CheckCriterion) new PolicyParser().parse("t.yaml", policy(details)).stages().get(0).criteria().get(0);
    }

    private static String policy(String details) {
        return """
                name: t
                version: "1"
                stages:
                  - name: gate
                    traffic: 0
                    criteria:
                      - name: audit-verification
                        kind: check
                        details:
                %s
                """.formatted(details.indent(10).stripTrailing());
    }

    @Test
    void operandsKeepTheTypeThePolicyWrote() {
        var criterion = parse("""
                openFixes: {equals: 0, atMost: 0}
                verdict: {oneOf: [PASS, PASS-WITH-FIXES]}
                mergeBlocked: {equals: false}
                code: {equals: "0"}
                reasons: {empty: true}
                id: {present: true}
                """);

        assertThat(criterion.details()).containsExactly(
                new DetailCondition("openFixes", DetailTest.EQUALS, 0.0),
                new DetailCondition("openFixes", DetailTest.AT_MOST, 0.0),
                new DetailCondition("verdict", DetailTest.ONE_OF, List.of("PASS", "PASS-WITH-FIXES")),
                new DetailCondition("mergeBlocked", DetailTest.EQUALS, false),
                new DetailCondition("code", DetailTest.EQUALS, "0"),
                new DetailCondition("reasons", DetailTest.EMPTY, true),
                new DetailCondition("id", DetailTest.PRESENT, true));
    }

    @Test
    void withoutDetailsACriterionHasNoConditions() {
        String full = policy("x: {equals: 1}");
        var yaml = full.substring(0, full.indexOf("details:"));
        var criterion = (CheckCriterion) new PolicyParser().parse("t.yaml", yaml).stages().get(0).criteria().get(0);

        assertThat(criterion.details()).isEmpty();
    }

    @Test
    void anUnknownConditionIsAnErrorNamingTheDetailAndTheKnownConditions() {
        assertThatThrownBy(() -> parse("openFixes: {equal: 0}"))
                .isInstanceOf(PolicyParseException.class)
                .hasMessage("t.yaml:10: stage 'gate': criterion 'audit-verification': details: 'openFixes': unknown"
                        + " condition 'equal' (expected one of equals, notEquals, oneOf, atLeast, atMost, greaterThan,"
                        + " lessThan, empty, present)");
    }

    @Test
    void aNumericComparisonNeedsANumber() {
        assertThatThrownBy(() -> parse("openFixes: {atMost: none}"))
                .hasMessageContaining("details: 'openFixes': 'atMost' must be a number, not 'none'");
        assertThatThrownBy(() -> parse("openFixes: {atMost: \"1\"}"))
                .hasMessageContaining("'openFixes': 'atMost' must be a number, not '1'");
    }

    @Test
    void otherOperandShapesAreErrorsNamingTheDetail() {
        assertThatThrownBy(() -> parse("openFixes: 0"))
                .hasMessageContaining("'openFixes' must be a mapping of conditions, e.g. {equals: 0}");
        assertThatThrownBy(() -> parse("verdict: {oneOf: PASS}"))
                .hasMessageContaining("'verdict': 'oneOf' must be a non-empty list of values");
        assertThatThrownBy(() -> parse("reasons: {empty: yes-please}"))
                .hasMessageContaining("'reasons': 'empty' must be true or false");
        assertThatThrownBy(() -> parse("id: {present: false}"))
                .hasMessageContaining("'id': 'present' must be true");
        assertThatThrownBy(() -> parse("verdict: {equals: [PASS]}"))
                .hasMessageContaining("'verdict': 'equals' must be a value, not a list");
    }

    @Test
    void aDetailKeyMustBeWellFormed() {
        assertThatThrownBy(() -> parse("\"open fixes\": {equals: 0}"))
                .hasMessageContaining("detail key 'open fixes' must start with a letter");
    }

    @Test
    void anEmptyDetailsMappingIsAnError() {
        assertThatThrownBy(() -> parse("{}"))
                .hasMessageContaining("'details' needs at least one detail key with a condition");
    }
}
