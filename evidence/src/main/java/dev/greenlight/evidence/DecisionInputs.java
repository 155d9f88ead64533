package dev.greenlight.evidence;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricIndex;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.policy.model.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a recorded decision was computed from, rebuilt from recorded events: the one place that
 * knows both ways a decision cites its evidence, so every replay (the ledger's, the gate's tests)
 * re-evaluates a decision the way it was made.
 *
 * <ul>
 *   <li><b>Raw</b> (every decision before the incremental evaluation, and any decision that cites
 *       no series): one id per event, samples included; re-evaluated with
 *       {@link PolicyEngine#evaluate(Policy, String, Evidence, Instant)}.</li>
 *   <li><b>Incremental</b> (a decision citing at least one {@link SeriesCitation}): other events by
 *       id, and each window of samples a metric criterion counted as {@code (after, until]} + count +
 *       digest, and (current form) the highest metrics-topic position the gate had consumed. The
 *       citation is resolved to the release's samples of that metric in that range that had arrived
 *       by then, which must match the count and the digest; re-evaluated with the incremental engine over those
 *       samples plus any sample cited by id (a baseline).</li>
 * </ul>
 *
 * @param series null for a raw decision
 * @param unresolved why a citation could not be resolved (empty when everything was)
 */
public record DecisionInputs(Evidence evidence, MetricIndex series, List<String> unresolved) {

    public static DecisionInputs of(ReleaseRegistered registered, Collection<? extends SpecificRecord> events,
                                    Collection<String> evidenceIds) {
        return of(registered, events, evidenceIds, event -> null);
    }

    /**
     * As above, knowing where each recorded event was read from ({@code positions}: its source
     * partition and offset, null when not known — the ledger records them for every entry): a
     * citation bounded by an arrival position ({@link SeriesCitation#through}) resolves only to the
     * samples read at or below it, i.e. exactly those the gate had consumed when it decided.
     */
    public static DecisionInputs of(ReleaseRegistered registered, Collection<? extends SpecificRecord> events,
                                    Collection<String> evidenceIds,
                                    Function<? super SpecificRecord, SourceOffset> positions) {
        List<SeriesCitation> citations = evidenceIds.stream().map(SeriesCitation::parse)
                .flatMap(Optional::stream).toList();
        Evidence cited = EvidenceFold.fold(registered, EvidenceFold.cited(events, evidenceIds));
        if (citations.isEmpty()) {
            return new DecisionInputs(cited, null, List.of());
        }
        Map<String, MetricSample> samples = new LinkedHashMap<>();
        cited.metrics().forEach(sample -> samples.put(sample.id(), sample));
        List<String> unresolved = new ArrayList<>();
        for (SeriesCitation citation : citations) {
            ResolvedSeries resolved = ResolvedSeries.resolve(registered, events, citation, positions);
            if (!resolved.matches()) {
                unresolved.add(resolved.mismatch());
            }
            resolved.metricSamples().forEach(sample -> samples.put(sample.id(), sample));
        }
        Evidence withoutSamples = new Evidence(cited.release(), cited.checks(), cited.alerts(), List.of(),
                cited.approvals(), cited.waivers(), cited.onCallAcks(), cited.previousVersion());
        // One evaluation cites every window with the same arrival bound; the re-evaluation cites it again.
        SourceOffset through = citations.get(0).through();
        return new DecisionInputs(withoutSamples, MetricIndex.of(samples.values()).through(through),
                List.copyOf(unresolved));
    }

    /** The decision re-evaluated from these inputs, the way it was recorded. */
    public Decision evaluate(PolicyEngine engine, Policy policy, String stage, Instant at) {
        return series == null ? engine.evaluate(policy, stage, evidence, at)
                : engine.evaluate(policy, stage, evidence, series, at);
    }
}
