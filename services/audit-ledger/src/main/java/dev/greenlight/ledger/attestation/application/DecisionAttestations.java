package dev.greenlight.ledger.attestation.application;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.evidence.ResolvedSeries;
import dev.greenlight.ledger.attestation.domain.CriterionFacts;
import dev.greenlight.ledger.attestation.domain.DecisionFacts;
import dev.greenlight.ledger.attestation.domain.DecisionStatement;
import dev.greenlight.ledger.attestation.domain.SeriesEvidence;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.ledger.verify.AttestationFormat;
import dev.greenlight.ledger.verify.DsseEnvelope;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SourceOffset;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Signs the attestation of one recorded gate decision, found through the ledger index: the decision by
 * its id among the recorded {@code GateDecided} entries, then the entries of its target for the cited
 * evidence and the release's registration. Only entries whose hashes recompute from their content are
 * used (a record whose claimed hash is a lie is not cited); the first such entry of an event id counts,
 * as in the evidence bundle. The ledger key signs, so the envelope says "this is what the ledger
 * recorded"; the same ledger gives the same envelope.
 */
public final class DecisionAttestations {

    private static final String DECISION_TYPE = GateDecided.class.getName();
    private static final String RELEASE_TYPE = ReleaseRegistered.class.getName();
    private static final String SAMPLE_TYPE = MetricObserved.class.getName();
    private static final Comparator<Entry> LEDGER_ORDER =
            Comparator.comparingInt(Entry::ledgerPartition).thenComparingLong(Entry::sequence);

    private final IndexedLedger index;
    private final LedgerEvents events;
    private final KeyPair keys;
    private final String keyId;

    public DecisionAttestations(IndexedLedger index, LedgerEvents events, KeyPair keys) {
        this.index = index;
        this.events = events;
        this.keys = keys;
        this.keyId = Ed25519Keys.keyId(keys.getPublic());
    }

    /**
     * The signed envelope of decision {@code decisionId}, or empty when the ledger holds no such decision.
     *
     * @throws IllegalStateException when the decision is recorded but its payload cannot be decoded now
     */
    public Optional<DsseEnvelope> attest(String decisionId) {
        Optional<Entry> found = decisionEntry(decisionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Entry decisionEntry = found.get();
        GateDecided decision = events.decode(decisionEntry).filter(GateDecided.class::isInstance)
                .map(GateDecided.class::cast)
                .orElseThrow(() -> new IllegalStateException("decision " + decisionId + " is recorded at "
                        + decisionEntry.position() + " but its payload cannot be decoded now"));
        List<Entry> ofTarget = index.forReplay(decisionEntry.target(), Set.of());
        Set<String> cited = new HashSet<>(decision.getEvidenceIds());
        Map<String, Entry> evidence = new HashMap<>();
        for (Entry entry : ofTarget) {
            if (cited.contains(entry.sourceEventId()) && intact(entry)) {
                evidence.putIfAbsent(entry.sourceEventId(), entry);
            }
        }
        String revision = revision(decision, ofTarget, evidence, decisionEntry);
        List<SeriesEvidence> series = series(decision, ofTarget, evidence);
        byte[] statement = DecisionStatement.build(facts(decision), decisionEntry, revision, evidence, series, keyId);
        return Optional.of(DsseEnvelope.sign(AttestationFormat.PAYLOAD_TYPE, statement, keys.getPrivate(), keyId));
    }

    /**
     * The first intact entry recording {@code GateDecided} {@code decisionId}, in ledger time order, found
     * through the index's event-id keys: the cost is the entries of that one event, not the number of
     * recorded decisions.
     */
    private Optional<Entry> decisionEntry(String decisionId) {
        return index.bySourceEventId(decisionId).stream()
                .filter(entry -> DECISION_TYPE.equals(entry.eventType()) && intact(entry))
                .min(java.util.Comparator.comparingLong((Entry entry) -> entry.recordedAt().toEpochMilli())
                        .thenComparingInt(Entry::ledgerPartition).thenComparingLong(Entry::sequence));
    }

    /**
     * The revision of the registration the decision cites; else of the latest registration of the version
     * recorded before the decision; else null.
     */
    private String revision(GateDecided decision, List<Entry> ofTarget, Map<String, Entry> evidence,
            Entry decisionEntry) {
        String latest = null;
        for (Entry entry : ofTarget) {
            if (!RELEASE_TYPE.equals(entry.eventType()) || !intact(entry)) {
                continue;
            }
            Optional<SpecificRecord> event = events.decode(entry);
            if (event.isEmpty() || !(event.get() instanceof ReleaseRegistered release)
                    || !release.getVersion().equals(decision.getVersion())) {
                continue;
            }
            if (evidence.get(entry.sourceEventId()) == entry) {
                return release.getRevision();
            }
            if (entry.recordedAt().compareTo(decisionEntry.recordedAt()) <= 0) {
                latest = release.getRevision();
            }
        }
        return latest;
    }

    /**
     * The metric windows the decision cited as series, each resolved (the way a replay resolves it) to
     * the intact entries of exactly the samples it counted; a window that does not resolve to the cited
     * count and digest is left out, so the statement lists it as unrecorded.
     */
    private List<SeriesEvidence> series(GateDecided decision, List<Entry> ofTarget, Map<String, Entry> evidence) {
        List<SeriesCitation> citations = decision.getEvidenceIds().stream().map(SeriesCitation::parse)
                .flatMap(Optional::stream).toList();
        if (citations.isEmpty()) {
            return List.of();
        }
        Optional<ReleaseRegistered> registered = registration(decision, ofTarget, evidence);
        if (registered.isEmpty()) {
            return List.of();
        }
        Map<SpecificRecord, Entry> samples = new IdentityHashMap<>();
        for (Entry entry : ofTarget) {
            if (SAMPLE_TYPE.equals(entry.eventType()) && intact(entry)) {
                events.decode(entry).ifPresent(event -> samples.put(event, entry));
            }
        }
        List<SpecificRecord> inLedgerOrder = new ArrayList<>(samples.keySet());
        inLedgerOrder.sort(Comparator.comparing(samples::get, LEDGER_ORDER));
        List<SeriesEvidence> resolved = new ArrayList<>();
        for (SeriesCitation citation : citations) {
            ResolvedSeries window = ResolvedSeries.resolve(registered.get(), inLedgerOrder, citation, event -> {
                Entry entry = samples.get(event);
                return new SourceOffset(entry.sourcePartition(), entry.sourceOffset());
            });
            if (window.matches()) {
                resolved.add(new SeriesEvidence(citation.id(), citation.metric(), citation.count(), citation.digest(),
                        window.samples().stream().map(samples::get).toList()));
            }
        }
        return resolved;
    }

    /** The registration the decision cites, else the first intact one of its version. */
    private Optional<ReleaseRegistered> registration(GateDecided decision, List<Entry> ofTarget,
            Map<String, Entry> evidence) {
        ReleaseRegistered first = null;
        for (Entry entry : ofTarget) {
            if (!RELEASE_TYPE.equals(entry.eventType()) || !intact(entry)) {
                continue;
            }
            Optional<SpecificRecord> event = events.decode(entry);
            if (event.isPresent() && event.get() instanceof ReleaseRegistered release
                    && release.getVersion().equals(decision.getVersion())) {
                if (evidence.get(entry.sourceEventId()) == entry) {
                    return Optional.of(release);
                }
                first = first == null ? release : first;
            }
        }
        return Optional.ofNullable(first);
    }

    private static DecisionFacts facts(GateDecided decision) {
        List<CriterionFacts> criteria = decision.getCriteria().stream()
                .map(DecisionAttestations::criterion).toList();
        return new DecisionFacts(decision.getDecisionId(), decision.getTarget(), decision.getVersion(),
                decision.getStage(), decision.getOutcome().name(), criteria, decision.getMissing(),
                decision.getPolicy().getName(), decision.getPolicy().getVersion(),
                decision.getPolicy().getContentHash(), decision.getEvaluatedAt(), decision.getPreviousDecisionId(),
                decision.getEvidenceIds());
    }

    private static CriterionFacts criterion(CriterionResult result) {
        return new CriterionFacts(result.getName(), result.getKind(), result.getStatus().name(), result.getBlocking());
    }

    /** The entry's hashes recompute from its content (a cheap check; chain and checkpoints are verify's job). */
    private static boolean intact(Entry entry) {
        return Arrays.equals(Sha256.of(entry.payload()), entry.payloadSha256())
                && Arrays.equals(EntryEncoding.hash(entry), entry.entryHash());
    }
}
