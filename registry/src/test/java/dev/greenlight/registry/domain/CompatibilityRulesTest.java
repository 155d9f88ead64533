package dev.greenlight.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each level against Avro's reader/writer rules, including transitive vs latest-only checks. */
class CompatibilityRulesTest {

    private static final String A = "{\"name\":\"a\",\"type\":\"string\"}";
    private static final String B_REQUIRED = "{\"name\":\"b\",\"type\":\"string\"}";
    private static final String B_DEFAULTED = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}";

    /** Each step is BACKWARD-compatible with the previous one, but v3 cannot read v1 data. */
    private static final List<String> BACKWARD_CHAIN = List.of(record(A), record(A, B_DEFAULTED), record(A, B_REQUIRED));
    /** Each step is FULL-compatible with the previous one, but v1 readers cannot read v3 data. */
    private static final List<String> FORWARD_CHAIN = List.of(record(A, B_REQUIRED), record(A, B_DEFAULTED), record(A));

    private final RegistryState state = new RegistryState();

    private static String record(String... fields) {
        return "{\"type\":\"record\",\"name\":\"T\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    private void register(String schema) {
        Registration registration = state.planRegistration("s", AvroSchemaText.parse(schema));
        state.apply(registration.version());
    }

    @ParameterizedTest(name = "{0} on the {1} chain accepts v3: {2}")
    @CsvSource({
            "BACKWARD, BACKWARD_CHAIN, true",
            "BACKWARD_TRANSITIVE, BACKWARD_CHAIN, false",
            "BACKWARD_TRANSITIVE, FORWARD_CHAIN, true",
            "FORWARD, FORWARD_CHAIN, true",
            "FORWARD_TRANSITIVE, FORWARD_CHAIN, false",
            "FULL, FORWARD_CHAIN, true",
            "FULL_TRANSITIVE, FORWARD_CHAIN, false",
            "FULL, BACKWARD_CHAIN, true",
            "FULL_TRANSITIVE, BACKWARD_CHAIN, false",
            "NONE, BACKWARD_CHAIN, true"})
    void transitiveLevelsCheckEveryVersionOthersOnlyTheLatest(CompatibilityLevel level, String chainName,
            boolean accepted) {
        List<String> chain = chainName.equals("BACKWARD_CHAIN") ? BACKWARD_CHAIN : FORWARD_CHAIN;
        state.applyLevel("s", level);
        register(chain.get(0));
        register(chain.get(1));

        AvroSchemaText v3 = AvroSchemaText.parse(chain.get(2));
        if (accepted) {
            assertThatCode(() -> register(chain.get(2))).doesNotThrowAnyException();
            assertThat(state.versions("s", false)).containsExactly(1, 2, 3);
        } else {
            assertThat(state.checkCompatibility("s", VersionId.latest(), v3)).isNotEmpty();
            assertThatThrownBy(() -> state.planRegistration("s", v3))
                    .isInstanceOf(IncompatibleSchemaException.class)
                    .extracting(e -> ((RegistryException) e).httpStatus()).isEqualTo(409);
            // Against v2 alone it is fine: only the transitive rule rejected it.
            assertThat(state.checkCompatibility("s", VersionId.parse("2"), v3)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: add required field {1}, drop required field {2}")
    @CsvSource({
            "NONE, true, true",
            "BACKWARD, false, true",
            "FORWARD, true, false",
            "FULL, false, false"})
    void directionOfEachLevel(CompatibilityLevel level, boolean addRequiredAccepted, boolean dropRequiredAccepted) {
        state.applyLevel("s", level);
        register(record(A, B_REQUIRED));

        assertThat(state.checkCompatibility("s", VersionId.latest(),
                AvroSchemaText.parse(record(A, B_REQUIRED, "{\"name\":\"c\",\"type\":\"int\"}")))).hasSize(addRequiredAccepted ? 0 : 1);
        assertThat(state.checkCompatibility("s", VersionId.latest(), AvroSchemaText.parse(record(A))).isEmpty())
                .isEqualTo(dropRequiredAccepted);
    }

    @Test
    void noneAcceptsAnEntirelyDifferentType() {
        state.applyLevel("s", CompatibilityLevel.NONE);
        register(record(A));

        assertThatCode(() -> register("\"string\"")).doesNotThrowAnyException();
    }

    @Test
    void defaultLevelIsBackward() {
        register(record(A));

        assertThatThrownBy(() -> register(record(A, B_REQUIRED))).isInstanceOf(IncompatibleSchemaException.class);
        assertThatCode(() -> register(record(A, B_DEFAULTED))).doesNotThrowAnyException();
    }
}
