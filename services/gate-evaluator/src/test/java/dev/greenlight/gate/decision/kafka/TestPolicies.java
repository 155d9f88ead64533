package dev.greenlight.gate.decision.kafka;

import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The test policy (test-policies/test-gate.yaml) as a catalogue. */
final class TestPolicies {

    private TestPolicies() {
    }

    static PolicyCatalog catalog() {
        try (InputStream in = TestPolicies.class.getResourceAsStream("/test-policies/test-gate.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new PolicyCatalog(List.of(new LoadedPolicy(new PolicyParser().parse("test-gate.yaml", text), text,
                    "test")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
