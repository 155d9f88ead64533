package dev.greenlight.gate.decision.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The evidence store encodes each record by its position in one union, so a state store written by
 * an earlier build must decode the same way after an upgrade: members are only ever appended. The
 * freeze events joined the holds topic after RolloutStepStarted joined the store, so they come last.
 */
class EvidenceStoreUnionTest {

    @Test
    void membersKeepTheirPositions_newOnesAreAppended() {
        List<String> names = GateTopology.evidenceSchema().getTypes().stream().map(Schema::getName).toList();

        assertThat(names.subList(names.size() - 5, names.size()))
                .containsExactly("HoldPlaced", "HoldLifted", "RolloutStepStarted", "FreezeDeclared", "FreezeLifted");
    }
}
