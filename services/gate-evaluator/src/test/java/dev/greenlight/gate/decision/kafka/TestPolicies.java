package dev.greenlight.gate.decision.kafka;

import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The test policies (test-policies/test-gate.yaml for svc-*, test-metric-gate.yaml for metric-*) as a catalogue. */
final class TestPolicies {

    private TestPolicies() {
    }

    static PolicyCatalog catalog() {
        return new PolicyCatalog(List.of(load("test-gate.yaml"), load("test-metric-gate.yaml")));
    }

    static LoadedPolicy load(String file) {
        try (InputStream in = TestPolicies.class.getResourceAsStream("/test-policies/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new LoadedPolicy(new PolicyParser().parse(file, text), text, "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
