package dev.greenlight.ledger.replay.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * A decision that judged a check's structured details (the trading audit's open fixes) replays
 * byte for byte from the ledger, after the events went through Avro as the ledger stores them.
 */
class DetailedDecisionReplayTest {

    private static final Instant T = Instant.parse("2026-03-20T12:00:00Z");
    private static final String TEXT = read(Path.of("../../policies/trading-strategy.yaml"));
    private static final Policy POLICY = new PolicyParser().parse("trading-strategy.yaml", TEXT);

    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    @Test
    void aDecisionOnAnAuditsOpenFixesIsReproducedAndItsObservedValuesAreRecorded() {
        ReleaseRegistered release = ReleaseRegistered.newBuilder().setMeta(meta("rel-1", T.minusSeconds(7200)))
                .setTarget("ict-qm").setVersion("2.1.0").setReleaseType(ReleaseType.STRATEGY).setRevision("cafe0001")
                .setAuthor("alice").build();
        CheckReported audit = roundTrip(CheckReported.newBuilder().setMeta(meta("chk-audit", T.minusSeconds(3600)))
                .setTarget("ict-qm").setVersion("2.1.0").setName("audit-verification").setStatus(CheckStatus.PASS)
                .setRevision("cafe0001").setStartedAt(T.minusSeconds(4000)).setCompletedAt(T.minusSeconds(3600))
                .setDetails(Map.of("openFixes", 1.0))
                .setStructuredDetails(Map.of("verdict", "PASS-WITH-FIXES", "openFixes", 1.0,
                        "fixes", List.of("F-1 verified", "F-2 open")))
                .build());
        GateDecided decision = GateDecisions.toEvent(new PolicyEngine().evaluate(POLICY, "paper",
                EvidenceFold.fold(release, List.of(release, audit)), T), null);
        CriterionResult criterion = decision.getCriteria().stream()
                .filter(c -> c.getName().equals("audit-verification")).findFirst().orElseThrow();

        assertThat(decision.getOutcome()).isEqualTo(GateOutcome.NO_GO);
        assertThat(criterion.getReason()).isEqualTo("latest run of audit-verification: openFixes is 1, must equal 0");
        assertThat(criterion.getObserved()).endsWith("; verdict=PASS-WITH-FIXES, openFixes=1");
        assertThat(criterion.getEvidenceIds()).containsExactly("chk-audit");

        ReplayReport report = replayer.replay(ledger(policyActivated(), release, audit, decision), null);

        assertThat(report.results()).singleElement()
                .satisfies(r -> assertThat(r.status()).as(r.differences().toString()).isEqualTo(ReplayStatus.REPRODUCED));
    }

    private static PolicyActivated policyActivated() {
        return new PolicyActivated(meta(POLICY.contentHash(), T.minusSeconds(9000)), POLICY.name(), POLICY.name(),
                POLICY.version(), POLICY.contentHash(), TEXT);
    }

    private static List<RecordedEvent> ledger(SpecificRecord... events) {
        List<RecordedEvent> ledger = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            ledger.add(new RecordedEvent("0/" + i, events[i]));
        }
        return ledger;
    }

    private static CheckReported roundTrip(CheckReported check) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(CheckReported.class).write(check, encoder);
            encoder.flush();
            return new SpecificDatumReader<>(CheckReported.class)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventMetadata meta(String id, Instant at) {
        return new EventMetadata(id, at, "alice");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
