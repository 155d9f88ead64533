package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.EvidenceRetention;
import dev.greenlight.gate.decision.domain.RecordedEvidence;
import dev.greenlight.gate.decision.domain.StageStart;
import dev.greenlight.gate.policy.ReleasePolicies;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.model.Policy;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The recorded Avro events as the gate's domain reads them: every answer comes from the evidence
 * module (the same fold, retention and event ids the rollout guards and the ledger's replay use)
 * and the policy catalogue.
 */
public final class AvroEvidence implements RecordedEvidence<SpecificRecord> {

    private final PolicyCatalog policies;
    private final EvidenceRetention retention;

    public AvroEvidence(PolicyCatalog policies, EvidenceRetention retention) {
        this.policies = policies;
        this.retention = retention;
    }

    @Override
    public String eventId(SpecificRecord event) {
        return EvidenceFold.eventId(event);
    }

    @Override
    public String registeredVersion(SpecificRecord event) {
        return event instanceof ReleaseRegistered release ? release.getVersion() : null;
    }

    @Override
    public boolean concerns(SpecificRecord registration, SpecificRecord event) {
        return EvidenceFold.concerns((ReleaseRegistered) registration, event);
    }

    @Override
    public boolean isSample(SpecificRecord event) {
        return event instanceof MetricObserved;
    }

    @Override
    public MetricSample sample(SpecificRecord event) {
        return EvidenceFold.sample((MetricObserved) event);
    }

    @Override
    public String sampleVersion(SpecificRecord event) {
        return ((MetricObserved) event).getVersion();
    }

    @Override
    public Instant sampleCutoff(Instant now) {
        return retention.sampleCutoff(now);
    }

    @Override
    public Evidence fold(SpecificRecord registration, Collection<SpecificRecord> events) {
        return EvidenceFold.fold((ReleaseRegistered) registration, events);
    }

    @Override
    public Set<SpecificRecord> expired(Collection<SpecificRecord> events, Instant now) {
        return retention.expired(events, now);
    }

    @Override
    public StageStart stageStarted(SpecificRecord event) {
        return event instanceof RolloutStepStarted started
                ? new StageStart(started.getVersion(), started.getStage(), started.getMeta().getOccurredAt()) : null;
    }

    @Override
    public Optional<Policy> governing(SpecificRecord registration) {
        return ReleasePolicies.governing(policies, (ReleaseRegistered) registration);
    }
}
