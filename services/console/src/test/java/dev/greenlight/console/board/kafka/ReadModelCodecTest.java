package dev.greenlight.console.board.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.console.board.domain.Criterion;
import dev.greenlight.console.board.domain.LedgerRecorded;
import dev.greenlight.console.board.domain.Pending;
import dev.greenlight.console.board.domain.PersonActed;
import dev.greenlight.console.board.domain.ProjectedRelease;
import dev.greenlight.console.board.domain.ReadModelRecord;
import dev.greenlight.console.board.domain.ReleaseView;
import dev.greenlight.console.board.domain.StageView;
import dev.greenlight.console.board.domain.TargetLedger;
import dev.greenlight.console.board.domain.TimelinePoint;
import dev.greenlight.console.board.domain.TrafficMoved;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one instance writes to the read model, every other instance reads back as the same view. */
class ReadModelCodecTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aReleasesViewAndATargetsLedgerSurviveTheTopic() {
        ReleaseView view = new ReleaseView("ict-qm", "2.1.0", "MINOR", "alice", "abc123", "ict-release", "sha256:aa",
                T0, "canary", 10, "ramping", "HOLD", T0.plusSeconds(60),
                List.of(new StageView("canary", "HOLD", "d-1",
                        List.of(new Criterion("auditor-approval", "approval", "PENDING", true, "0", "1",
                                "missing approval: auditor", List.of("e-1"))),
                        List.of("auditor-approval"),
                        List.of(new Pending("auditor-approval", "missing approval: auditor", List.of("auditor"),
                                T0.plusSeconds(3600))), T0.plusSeconds(3600), T0.plusSeconds(30))),
                List.of(new TimelinePoint(T0.plusSeconds(60), 10, TrafficMoved.Kind.STEP_STARTED, "step started")),
                List.of(new PersonActed("ict-qm", "2.1.0", "APPROVE", "auditor", "ada", null, "ok", T0.plusSeconds(50))));
        ReadModelRecord release = ReadModelRecord.of(new ProjectedRelease(view, Map.of("greenlight.rollouts-1", 3L)));
        ReadModelRecord ledger = ReadModelRecord.of(new TargetLedger("ict-qm",
                List.of(new LedgerRecorded("ict-qm", 2, 9, "ReleaseRegistered", "e-9", "ab01", T0)),
                Map.of("greenlight.ledger-2", 9L)));

        assertThat(ReadModelCodec.decode(release.key(), ReadModelCodec.encode(release))).isEqualTo(release);
        assertThat(ReadModelCodec.decode(ledger.key(), ReadModelCodec.encode(ledger))).isEqualTo(ledger);
    }

    @Test
    void aTombstoneIsANullValue() {
        ReadModelRecord tombstone = ReadModelRecord.tombstone("ict-qm@2.0.0");

        assertThat(ReadModelCodec.encode(tombstone)).isNull();
        assertThat(ReadModelCodec.decode(tombstone.key(), null).tombstone()).isTrue();
        assertThat(ReadModelCodec.decode(tombstone.key(), null).releaseId()).isEqualTo("ict-qm@2.0.0");
    }
}
