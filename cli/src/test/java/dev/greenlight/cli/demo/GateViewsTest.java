package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.api.GreenlightApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the narration says is still missing for a stage: every criterion neither passed nor waived. */
class GateViewsTest {

    private final JsonNode live10 = GreenlightApi.json().readTree("""
            {"stage": "live-10", "outcome": "NO_GO", "criteria": [
              {"name": "validation-48h", "status": "PASS"},
              {"name": "cost-spike", "status": "WAIVED"},
              {"name": "on-call-ack", "status": "FAIL"},
              {"name": "human-review", "status": "PENDING"}]}""");

    @Test
    void unmetAreTheCriteriaNeitherPassedNorWaived() {
        assertThat(GateViews.unmet(live10)).containsExactly("on-call-ack FAIL", "human-review PENDING");
        assertThat(GateViews.unmetNames(live10)).containsExactly("on-call-ack", "human-review");
    }
}
