package dev.greenlight.evidence;

import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.SeriesCitation;
import dev.greenlight.policy.evidence.SeriesSummary;
import dev.greenlight.policy.evidence.SourceOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * One {@link SeriesCitation} of a recorded decision resolved against recorded events: the samples it
 * counts and whether they are exactly the ones cited (same count, same digest). The one place that
 * says which recorded samples a series citation denotes, so a replay re-evaluates over them and an
 * attestation names the ledger entries that hold them.
 *
 * @param samples the recorded {@code MetricObserved} events it counts, first occurrence of each id, in
 *                the order given
 * @param found   their count and digest
 */
public record ResolvedSeries(SeriesCitation citation, List<MetricObserved> samples, SeriesSummary found) {

    public ResolvedSeries {
        samples = List.copyOf(samples);
    }

    /**
     * The samples of {@code citation.metric()} in its range that concern {@code registered} and had
     * arrived by its bound ({@code positions}: where an event was read from, null when not known).
     */
    public static ResolvedSeries resolve(ReleaseRegistered registered, Collection<? extends SpecificRecord> events,
            SeriesCitation citation, Function<? super SpecificRecord, SourceOffset> positions) {
        SeriesSummary found = SeriesSummary.EMPTY;
        List<MetricObserved> samples = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SpecificRecord event : events) {
            if (event instanceof MetricObserved observed && observed.getName().equals(citation.metric())
                    && citation.covers(observed.getObservedAt()) && EvidenceFold.concerns(registered, event)
                    && citation.arrivedBy(positions.apply(event)) && ids.add(EvidenceFold.eventId(event))) {
                samples.add(observed);
                found = found.plus(SeriesSummary.of(EvidenceFold.sample(observed)));
            }
        }
        return new ResolvedSeries(citation, samples, found);
    }

    /** Whether the samples found are exactly the ones the decision counted. */
    public boolean matches() {
        return found.count() == citation.count() && found.digestHex().equals(citation.digest());
    }

    /** The samples as the policy engine reads them. */
    public List<MetricSample> metricSamples() {
        return samples.stream().map(EvidenceFold::sample).toList();
    }

    /** Why it does not match, for a report. */
    public String mismatch() {
        return "series " + citation.metric() + " in (" + citation.after() + ", " + citation.until()
                + "]" + (citation.through() == null ? "" : " arrived by " + citation.through())
                + " resolves to " + found.count() + " samples with another digest than the "
                + citation.count() + " cited (" + (citation.through() == null
                ? "samples that arrived after the decision, or missing ones)"
                : "missing samples, or their source positions are not known)");
    }
}
