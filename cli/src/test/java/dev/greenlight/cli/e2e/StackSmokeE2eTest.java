package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.WholeStack.advance;
import static dev.greenlight.cli.e2e.WholeStack.awaitRelease;
import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.stack.StackService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Every service of the shared stack reads the stack clock: a jump is seen by all of them. */
@ExtendWith(WholeStack.class)
class StackSmokeE2eTest {

    @Test
    void aClockJumpIsTheTimeTheServicesStampAndEvaluateAt() {
        Instant jumped = advance(Duration.ofDays(3));

        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "smoke-e2e", "version": "1.0.0", "type": "CONFIG",
                 "revision": "abc1234", "author": "alice"}""");

        JsonNode view = awaitRelease("smoke-e2e", "1.0.0", v -> !v.path("registeredAt").isMissingNode());
        Instant registeredAt = Instant.parse(view.path("registeredAt").asString());
        assertThat(registeredAt).isBetween(jumped, now());
    }
}
