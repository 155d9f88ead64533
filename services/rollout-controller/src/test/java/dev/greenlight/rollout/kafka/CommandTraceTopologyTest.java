package dev.greenlight.rollout.kafka;

import static dev.greenlight.evidence.EvidenceEvents.release;
import static dev.greenlight.rollout.kafka.RolloutEvents.go;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * A deployment command continues the trace of the decision that caused it: Streams drops headers,
 * so the processor carries the decision's {@code traceparent} onto what it forwards.
 */
class CommandTraceTopologyTest extends RolloutTopologyHarness {

    private static final Traceparent DECISION =
            Traceparent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();

    @Test
    void theCommandAGoDecisionCausesCarriesTheDecisionsTraceparent() {
        input(Topics.RELEASES).pipeInput("ict-qm", release("rel-1", "ict-qm", "2.1.0", ReleaseType.STRATEGY, START),
                START);

        input(Topics.DECISIONS).pipeInput(new TestRecord<>("ict-qm", go("ict-qm", "2.1.0", "paper", START),
                DECISION.writeTo(new RecordHeaders()), START));

        List<TestRecord<String, DeploymentCommand>> sent = commands.readRecordsToList();
        assertThat(sent).isNotEmpty();
        assertThat(sent).allSatisfy(command -> assertThat(Traceparent.from(command.headers())).contains(DECISION));
        assertThat(rollouts.readRecordsToList()).as("the rollout steps it records follow the same trace")
                .isNotEmpty().allSatisfy(step -> assertThat(Traceparent.from(step.headers())).contains(DECISION));
    }

    @Test
    void aDecisionWithoutTraceContextCausesCommandsWithoutOne() {
        input(Topics.RELEASES).pipeInput("ict-qm", release("rel-1", "ict-qm", "2.1.0", ReleaseType.STRATEGY, START),
                START);
        input(Topics.DECISIONS).pipeInput("ict-qm", go("ict-qm", "2.1.0", "paper", START), START);

        List<TestRecord<String, DeploymentCommand>> sent = commands.readRecordsToList();
        assertThat(sent).isNotEmpty();
        assertThat(sent).allSatisfy(command -> assertThat(command.headers().lastHeader(Traceparent.HEADER)).isNull());
    }
}
