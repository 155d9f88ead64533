package dev.greenlight.ledger.replay.application;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.evidence.DecisionInputs;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Re-evaluates recorded gate decisions from nothing but the ledger: the policy document by its
 * content hash ({@code PolicyActivated}), the release registration and exactly the evidence events
 * the decision cites, evaluated at the recorded instant. The result must equal the recorded
 * {@code GateDecided} in its Avro binary encoding (a decision of the gate's incremental evaluation
 * cites its metric windows as {@code SeriesCitation}s, which are resolved to the release's samples
 * in range and must match their count and digest — {@link DecisionInputs}) — the same mapping the evaluator publishes
 * through ({@link GateDecisions}), so "reproduced" means identical, not similar.
 *
 * <p>Policies are indexed by the hash of their content as re-parsed here, never by the hash an
 * event claims: a document whose text does not hash to what a decision names cannot stand in for it.
 * Pure apart from the events handed in; no clock, no I/O.
 */
public final class DecisionReplayer {

    private static final SpecificDatumWriter<GateDecided> WRITER = new SpecificDatumWriter<>(GateDecided.class);

    private final PolicyParser parser;
    private final PolicyEngine engine;

    public DecisionReplayer(PolicyParser parser, PolicyEngine engine) {
        this.parser = parser;
        this.engine = engine;
    }

    /**
     * Replays every recorded decision that {@code release} selects: {@code target@version}, a bare
     * target, or null for all.
     */
    public ReplayReport replay(List<RecordedEvent> ledger, String release) {
        Map<String, Policy> policies = policies(ledger);
        Map<String, List<SpecificRecord>> eventsByTarget = new HashMap<>();
        List<SpecificRecord> holds = new ArrayList<>();
        List<RecordedEvent> decisions = new ArrayList<>();
        Set<GateDecided> seen = new HashSet<>();
        for (RecordedEvent recorded : ledger) {
            if (recorded.event() instanceof GateDecided decided) {
                // The same event published twice is one decision; a doctored copy is not equal and stays.
                if (selects(release).test(decided) && seen.add(decided)) {
                    decisions.add(recorded);
                }
            } else if (EvidenceFold.isHold(recorded.event())) {
                holds.add(recorded.event()); // keyed by a pattern: joined to every target it covers below
            } else if (!(recorded.event() instanceof PolicyActivated)) {
                eventsByTarget.computeIfAbsent(EvidenceFold.target(recorded.event()), t -> new ArrayList<>())
                        .add(recorded.event());
            }
        }
        Map<SpecificRecord, SourceOffset> sources = sources(ledger);
        List<ReplayResult> results = new ArrayList<>();
        for (RecordedEvent recorded : decisions) {
            GateDecided decided = (GateDecided) recorded.event();
            results.add(replay(recorded.position(), decided, policies, sources,
                    withHolds(eventsByTarget.getOrDefault(decided.getTarget(), List.of()), holds,
                            decided.getTarget())));
        }
        return new ReplayReport(results);
    }

    private ReplayResult replay(String position, GateDecided recorded, Map<String, Policy> policies,
            Map<SpecificRecord, SourceOffset> sources, List<SpecificRecord> targetEvents) {
        String hash = recorded.getPolicy().getContentHash();
        Policy policy = policies.get(hash);
        if (policy == null) {
            return unreplayable(position, recorded, "policy " + recorded.getPolicy().getName() + " version "
                    + recorded.getPolicy().getVersion() + " (sha256 " + hash + ") is not in the ledger");
        }
        Optional<ReleaseRegistered> registered = registration(recorded, targetEvents);
        if (registered.isEmpty()) {
            return unreplayable(position, recorded, "the registration of " + release(recorded)
                    + " is not in the ledger");
        }
        Set<String> known = new HashSet<>();
        targetEvents.forEach(e -> known.add(EvidenceFold.eventId(e)));
        List<String> missing = recorded.getEvidenceIds().stream()
                .filter(id -> !known.contains(id) && SeriesCitation.parse(id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return unreplayable(position, recorded, "cited evidence is not in the ledger: "
                    + String.join(", ", missing));
        }
        // A decision of the incremental evaluation cites series by range, count and digest.
        DecisionInputs inputs = DecisionInputs.of(registered.get(), targetEvents, recorded.getEvidenceIds(),
                sources::get);
        if (!inputs.unresolved().isEmpty()) {
            return unreplayable(position, recorded, "cited " + String.join("; ", inputs.unresolved()));
        }
        GateDecided replayed;
        try {
            if (recorded.getCheckpoint() != null && recorded.getStageStartedAt() != null) {
                // A checkpoint decision: the same checkpoint, counted from the recorded stage start.
                replayed = GateDecisions.toEvent(engine.evaluateCheckpoint(policy, recorded.getStage(),
                        recorded.getCheckpoint(), inputs.evidence(), recorded.getStageStartedAt(),
                        recorded.getEvaluatedAt()), recorded.getPreviousDecisionId());
            } else {
                Decision decision = inputs.evaluate(engine, policy, recorded.getStage(), recorded.getEvaluatedAt());
                replayed = GateDecisions.toEvent(decision, recorded.getPreviousDecisionId());
            }
        } catch (RuntimeException e) {
            return unreplayable(position, recorded, "policy " + policy.name() + " cannot evaluate stage "
                    + recorded.getStage() + (recorded.getCheckpoint() == null ? "" : " checkpoint "
                    + recorded.getCheckpoint()) + ": " + e.getMessage());
        }
        if (GateDecisions.predatesAccountability(recorded)) {
            // Recorded before decisions named their review date, pending items and decision makers:
            // everything it did record must still be reproduced exactly.
            replayed = GateDecisions.withoutAccountability(replayed);
        }
        // Which request's trace delivered the evidence is not computed from it: carried over, not judged.
        replayed = GateDecisions.withTracesOf(replayed, recorded);
        if (Arrays.equals(bytes(replayed), bytes(recorded))) {
            return result(position, recorded, ReplayStatus.REPRODUCED, "reproduced byte for byte", List.of());
        }
        List<String> differences = DecisionDiff.differences(recorded, replayed);
        return result(position, recorded, ReplayStatus.MISMATCH, "re-evaluation differs in "
                + (differences.isEmpty() ? "its Avro encoding" : String.join("; ", differences)), differences);
    }

    /** Where each recorded event was read from (by identity: equal events may sit at two positions). */
    static Map<SpecificRecord, SourceOffset> sources(List<RecordedEvent> ledger) {
        Map<SpecificRecord, SourceOffset> sources = new IdentityHashMap<>();
        for (RecordedEvent recorded : ledger) {
            if (recorded.source() != null) {
                sources.put(recorded.event(), recorded.source());
            }
        }
        return sources;
    }

    /** A target's own events and the holds that cover it (a hold's key is a pattern, not the target). */
    static List<SpecificRecord> withHolds(List<SpecificRecord> targetEvents, List<SpecificRecord> holds,
            String target) {
        List<SpecificRecord> events = new ArrayList<>(targetEvents);
        events.addAll(EvidenceFold.holdsCovering(target, holds));
        return events;
    }

    /** The registration the decision cites, else any registration of its release. */
    static Optional<ReleaseRegistered> registration(GateDecided recorded, List<SpecificRecord> targetEvents) {
        List<ReleaseRegistered> registrations = targetEvents.stream()
                .filter(e -> e instanceof ReleaseRegistered r && r.getVersion().equals(recorded.getVersion()))
                .map(ReleaseRegistered.class::cast).toList();
        return registrations.stream().filter(r -> recorded.getEvidenceIds().contains(EvidenceFold.eventId(r)))
                .findFirst().or(() -> registrations.stream().findFirst());
    }

    private Map<String, Policy> policies(List<RecordedEvent> ledger) {
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (RecordedEvent recorded : ledger) {
            if (recorded.event() instanceof PolicyActivated activated) {
                try {
                    Policy policy = parser.parse(activated.getName() + ".yaml", activated.getContent());
                    policies.putIfAbsent(policy.contentHash(), policy);
                } catch (RuntimeException e) {
                    // A document that no longer parses cannot reproduce anything; decisions naming
                    // its hash are then reported unreplayable, which is the honest answer.
                }
            }
        }
        return policies;
    }

    private static Predicate<GateDecided> selects(String release) {
        if (release == null || release.isBlank()) {
            return d -> true;
        }
        int at = release.lastIndexOf('@');
        if (at < 0) {
            return d -> d.getTarget().equals(release);
        }
        String target = release.substring(0, at);
        String version = release.substring(at + 1);
        return d -> d.getTarget().equals(target) && d.getVersion().equals(version);
    }

    private static ReplayResult unreplayable(String position, GateDecided recorded, String detail) {
        return result(position, recorded, ReplayStatus.UNREPLAYABLE, detail, List.of());
    }

    private static ReplayResult result(String position, GateDecided recorded, ReplayStatus status, String detail,
            List<String> differences) {
        return new ReplayResult(position, recorded.getDecisionId(), release(recorded), recorded.getStage(),
                recorded.getOutcome().name(), status, detail, differences);
    }

    private static String release(GateDecided decided) {
        return decided.getTarget() + "@" + decided.getVersion();
    }

    private static byte[] bytes(GateDecided event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            WRITER.write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
