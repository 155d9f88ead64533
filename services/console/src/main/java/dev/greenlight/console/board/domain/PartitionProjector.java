package dev.greenlight.console.board.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The console's partitioned projection, without Kafka: one instance owns some partitions of the
 * release-keyed topics (releases, decisions, approvals, rollouts, kill switches, ledger, all keyed
 * by target), folds each of their facts into the stored view of the release(s) it concerns with
 * {@link ReleaseFold}, and answers the read-model records to write. It starts from what the read
 * model already holds ({@link ReadModelLookup}) and keeps what it wrote since, because its own
 * writes reach the read model a little later.
 *
 * <p>Facts are {@code (source, offset, fact)}: the source topic-partition and offset make a fact
 * handed twice (at-least-once) a no-op. Not thread-safe: one consumer thread drives it.
 */
public final class PartitionProjector {

    private final ReadModelLookup readModel;
    private final Map<String, ProjectedRelease> written = new HashMap<>();
    private final Map<String, TargetLedger> ledgers = new HashMap<>();
    private final Set<String> ended = new HashSet<>();

    public PartitionProjector(ReadModelLookup readModel) {
        this.readModel = readModel;
    }

    /** The records to write for {@code event}, read at {@code offset} of {@code source}. */
    public List<ReadModelRecord> apply(String source, long offset, ConsoleEvent event) {
        List<ReadModelRecord> out = new ArrayList<>();
        if (event instanceof ReleaseAnnounced announced) {
            fold(announced.target(), announced.version(), announced.at(), source, offset, event, out);
        } else if (event instanceof StageDecided decided) {
            fold(decided.target(), decided.version(), decided.at(), source, offset, event, out);
        } else if (event instanceof PersonActed acted) {
            fold(acted.target(), acted.version(), acted.at(), source, offset, event, out);
        } else if (event instanceof TrafficMoved moved) {
            fold(moved.target(), moved.version(), moved.at(), source, offset, event, out);
        } else if (event instanceof KillSwitchFlipped flipped && flipped.active()) {
            // The kill marks every release of the target in flight (they share the target's partition).
            for (ProjectedRelease release : releasesOf(flipped.target())) {
                if (release.view().inFlight()) {
                    ReleaseView view = release.view();
                    fold(view.target(), view.version(), flipped.at(), source, offset, event, out);
                }
            }
        } else if (event instanceof LedgerRecorded recorded) {
            TargetLedger before = ledgers.containsKey(recorded.target()) ? ledgers.get(recorded.target())
                    : readModel.targetLedger(recorded.target()).orElse(TargetLedger.empty(recorded.target()));
            TargetLedger after = before.apply(source, offset, recorded);
            if (after != before) {
                ledgers.put(after.target(), after);
                out.add(ReadModelRecord.of(after));
            }
        }
        return out;
    }

    /**
     * Tombstones for the finished (completed or aborted) releases of owned targets whose last change
     * is older than {@code keep} before {@code now}: the read model, and so every instance's memory
     * and start-up, grows with the releases in flight, not with every release ever made.
     */
    public List<ReadModelRecord> expire(Instant now, Duration keep, Predicate<String> ownsTarget) {
        Instant limit = now.minus(keep);
        Map<String, ProjectedRelease> known = new LinkedHashMap<>();
        readModel.projectedAll().forEach(r -> known.put(r.view().id(), r));
        known.putAll(written);
        List<ReadModelRecord> out = new ArrayList<>();
        for (ProjectedRelease release : known.values()) {
            ReleaseView view = release.view();
            if (!view.inFlight() && view.lastChangeAt() != null && view.lastChangeAt().isBefore(limit)
                    && ownsTarget.test(view.target()) && ended.add(view.id())) {
                written.remove(view.id());
                out.add(ReadModelRecord.tombstone(view.id()));
            }
        }
        return out;
    }

    /** Forgets what it wrote: after a rebalance the read model (caught up) is the state to fold on. */
    public void forget() {
        written.clear();
        ledgers.clear();
        ended.clear();
    }

    private List<ProjectedRelease> releasesOf(String target) {
        Map<String, ProjectedRelease> all = new LinkedHashMap<>();
        readModel.projectedOf(target).forEach(r -> all.put(r.view().id(), r));
        written.values().stream().filter(r -> r.view().target().equals(target)).forEach(r -> all.put(r.view().id(), r));
        ended.forEach(all::remove);
        return List.copyOf(all.values());
    }

    private void fold(String target, String version, Instant at, String source, long offset, ConsoleEvent event,
            List<ReadModelRecord> out) {
        String id = target + "@" + version;
        ProjectedRelease before = Optional.ofNullable(written.get(id))
                .or(() -> ended.contains(id) ? Optional.empty() : readModel.projected(id))
                .orElseGet(() -> ProjectedRelease.unknown(target, version, at));
        ProjectedRelease after = before.apply(source, offset, event);
        if (after != before) {
            ended.remove(id);
            written.put(id, after);
            out.add(ReadModelRecord.of(after));
        }
    }
}
