package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.model.Policy;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the gate needs to know about a recorded event, whatever its encoding. The Kafka adapter
 * reads Avro events through the evidence module ({@code EvidenceFold}, {@code EvidenceRetention});
 * {@link GateEvaluation} sees only this, so the gate's business loop has no Avro, Kafka or Spring
 * type in it and is tested in memory.
 *
 * @param <E> a recorded event (registration or evidence)
 */
public interface RecordedEvidence<E> {

    /** The event's unique id: a second event with the same id is a duplicate. */
    String eventId(E event);

    /** The version {@code event} registers; null when it is not a release registration. */
    String registeredVersion(E event);

    /** Whether {@code event} is evidence for the release {@code registration} registers. */
    boolean concerns(E registration, E event);

    /** Whether {@code event} is a metric sample, the only kind that may wait for the next tick. */
    boolean isSample(E event);

    /** The engine's sample for {@code event}, which {@link #isSample} accepted. */
    MetricSample sample(E event);

    /** The version the sample {@code event} names; null when it is evidence for every version of its target. */
    String sampleVersion(E event);

    /** Samples observed before this may be forgotten at {@code now}, except the latest of each series. */
    Instant sampleCutoff(Instant now);

    /** The engine's evidence for the release {@code registration} registers. */
    Evidence fold(E registration, Collection<E> events);

    /** The events of {@code events} that no policy can count any more at {@code now}. */
    Set<E> expired(Collection<E> events, Instant now);

    /** The policy that gates the release {@code registration} registers; empty when none does. */
    Optional<Policy> governing(E registration);

    /**
     * The stage start {@code event} records (a rollout step started), or null for anything else.
     * Kept with the evidence, never folded into it: it schedules the stage's checkpoints.
     */
    default StageStart stageStarted(E event) {
        return null;
    }
}
