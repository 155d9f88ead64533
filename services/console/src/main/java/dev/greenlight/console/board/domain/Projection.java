package dev.greenlight.console.board.domain;

import dev.greenlight.identity.TargetPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The console's read model of the topics: releases (by {@code target@version}), kill switches,
 * standing holds, the ledger's entries per target, its latest checkpoint with cosignatures, and the
 * announced policies. Each release is folded by the pure {@link ReleaseFold}; this class only routes
 * a fact to the views it concerns and answers which releases changed, so the board can push them.
 *
 * <p>Fed two ways: {@link #apply} folds facts here (tests, and the standing state: kill switches,
 * holds, policies, checkpoints, via {@link #applyStanding}); {@link #put} takes the releases' views
 * and the targets' ledger entries from the console's read model, folded by the partitioned
 * {@link PartitionProjector} of whichever instance owns the release's partition. Writes are
 * synchronized; reads see immutable views and never block.
 */
public final class Projection implements ReadModelLookup {

    /** The most ledger entries kept per target for the release page. */
    static final int LEDGER_PER_TARGET = TargetLedger.KEEP;

    private final Map<String, ReleaseView> releases = new ConcurrentHashMap<>();
    private final Map<String, KillSwitchFlipped> killSwitches = new ConcurrentHashMap<>();
    private final Map<String, HoldChanged> holds = new ConcurrentHashMap<>();
    private final Map<String, TargetLedger> ledger = new ConcurrentHashMap<>();
    /** Per release, the source positions folded into its stored view (see {@link ProjectedRelease}). */
    private final Map<String, Map<String, Long>> positions = new ConcurrentHashMap<>();
    /** Highest sequence seen per ledger partition: sequences run 0, 1, 2... without gaps. */
    private final Map<Integer, Long> ledgerHeads = new ConcurrentHashMap<>();
    private final Map<String, PolicyAnnounced> policies = new ConcurrentHashMap<>();
    private volatile CheckpointSigned checkpoint;
    private volatile List<CheckpointCosigned> cosignatures = List.of();

    /** Folds {@code event}; answers the ids ({@code target@version}) of the releases whose row changed. */
    public synchronized Set<String> apply(ConsoleEvent event) {
        Set<String> changed = new TreeSet<>();
        if (event instanceof ReleaseAnnounced announced) {
            fold(announced.target(), announced.version(), event, announced.at(), changed);
        } else if (event instanceof StageDecided decided) {
            fold(decided.target(), decided.version(), event, decided.at(), changed);
        } else if (event instanceof PersonActed acted) {
            fold(acted.target(), acted.version(), event, acted.at(), changed);
        } else if (event instanceof TrafficMoved moved) {
            fold(moved.target(), moved.version(), event, moved.at(), changed);
        } else if (event instanceof KillSwitchFlipped flipped) {
            killSwitches.put(flipped.target(), flipped);
            releases.values().stream().filter(r -> r.inFlight() && covers(flipped.target(), r.target())).toList()
                    .forEach(r -> fold(r.target(), r.version(), event, flipped.at(), changed));
        } else if (event instanceof LedgerRecorded recorded) {
            ledgerHeads.merge(recorded.partition(), recorded.sequence(), Math::max);
            ledger.put(recorded.target(), ledger.getOrDefault(recorded.target(), TargetLedger.empty(recorded.target()))
                    .apply(null, 0, recorded));
        } else {
            changed.addAll(applyStanding(event));
        }
        return changed;
    }

    /**
     * Folds a standing-state fact only — a kill switch, a hold, a checkpoint, a cosignature, a policy —
     * never into a release's view (the read model's views already carry their kill marks); answers
     * the releases whose row shows it.
     */
    public synchronized Set<String> applyStanding(ConsoleEvent event) {
        Set<String> changed = new TreeSet<>();
        if (event instanceof KillSwitchFlipped flipped) {
            killSwitches.put(flipped.target(), flipped);
            releases.values().stream().filter(r -> covers(flipped.target(), r.target())).forEach(r -> changed.add(r.id()));
        } else if (event instanceof HoldChanged hold) {
            if (hold.standing()) {
                holds.put(hold.holdId(), hold);
            } else {
                holds.remove(hold.holdId());
            }
            releases.values().stream().filter(r -> covers(hold.target(), r.target())).forEach(r -> changed.add(r.id()));
        } else if (event instanceof CheckpointSigned signed) {
            if (checkpoint == null || signed.treeSize() >= checkpoint.treeSize()) {
                checkpoint = signed;
                cosignatures = cosignatures.stream().filter(c -> c.treeSize() == signed.treeSize()).toList();
            }
        } else if (event instanceof CheckpointCosigned cosigned) {
            if (checkpoint != null && cosigned.treeSize() == checkpoint.treeSize()) {
                List<CheckpointCosigned> next = new ArrayList<>(cosignatures);
                next.removeIf(c -> c.witnessKey().equals(cosigned.witnessKey()));
                next.add(cosigned);
                cosignatures = List.copyOf(next);
            }
        } else if (event instanceof PolicyAnnounced announced) {
            policies.put(announced.contentHash(), announced);
        }
        return changed;
    }

    /** Takes one record of the read model; answers the ids of the releases whose row changed. */
    public synchronized Set<String> put(ReadModelRecord record) {
        if (record.release() != null) {
            ReleaseView view = record.release().view();
            Map<String, Long> held = positions.get(view.id());
            if (held != null && olderThan(record.release().positions(), held)) {
                // Read again from the beginning (a reader that lost Kafka starts over): an older view
                // must not replace the newer one a projector would fold its next fact onto.
                return Set.of();
            }
            releases.put(view.id(), view);
            positions.put(view.id(), record.release().positions());
            return Set.of(view.id());
        }
        if (record.ledger() != null) {
            TargetLedger entries = record.ledger();
            ledger.put(entries.target(), entries);
            entries.entries().forEach(e -> ledgerHeads.merge(e.partition(), e.sequence(), Math::max));
            return Set.of();
        }
        String id = record.releaseId();
        if (id != null && releases.remove(id) != null) {
            positions.remove(id);
            return Set.of(id);
        }
        return Set.of();
    }

    /** Whether {@code incoming} folded no source further than {@code held} and less on at least one. */
    static boolean olderThan(Map<String, Long> incoming, Map<String, Long> held) {
        boolean behind = false;
        for (String source : incoming.keySet()) {
            if (incoming.get(source) > held.getOrDefault(source, -1L)) {
                return false;
            }
        }
        for (Map.Entry<String, Long> h : held.entrySet()) {
            if (incoming.getOrDefault(h.getKey(), -1L) < h.getValue()) {
                behind = true;
            }
        }
        return behind;
    }

    @Override
    public Optional<ProjectedRelease> projected(String id) {
        ReleaseView view = releases.get(id);
        return view == null ? Optional.empty()
                : Optional.of(new ProjectedRelease(view, positions.getOrDefault(id, Map.of())));
    }

    @Override
    public List<ProjectedRelease> projectedOf(String target) {
        return releases.values().stream().filter(r -> r.target().equals(target))
                .map(r -> new ProjectedRelease(r, positions.getOrDefault(r.id(), Map.of()))).toList();
    }

    @Override
    public List<ProjectedRelease> projectedAll() {
        return releases.values().stream()
                .map(r -> new ProjectedRelease(r, positions.getOrDefault(r.id(), Map.of()))).toList();
    }

    @Override
    public Optional<TargetLedger> targetLedger(String target) {
        return Optional.ofNullable(ledger.get(target));
    }

    private void fold(String target, String version, ConsoleEvent event, Instant at, Set<String> changed) {
        String id = target + "@" + version;
        ReleaseView before = releases.getOrDefault(id, ReleaseView.unknown(target, version, at));
        ReleaseView after = ReleaseFold.apply(before, event);
        releases.put(id, after);
        changed.add(id);
    }

    /** Whether {@code pattern} covers {@code target}; a recorded pattern that is not valid covers only itself. */
    static boolean covers(String pattern, String target) {
        return TargetPattern.problem(pattern).isPresent() ? pattern.equals(target)
                : new TargetPattern(pattern).covers(target);
    }

    /** A recorded pattern as a test of targets; one that is not valid covers no (valid) target. */
    private static Predicate<String> pattern(String text) {
        if (TargetPattern.problem(text).isPresent()) {
            return target -> false;
        }
        TargetPattern pattern = new TargetPattern(text);
        return pattern::covers;
    }

    /** One release by {@code target@version}. */
    public Optional<ReleaseView> release(String id) {
        return Optional.ofNullable(releases.get(id));
    }

    /** Every release the console knows, newest change first. */
    public List<ReleaseView> releases() {
        List<ReleaseView> all = new ArrayList<>(releases.values());
        all.sort(Comparator.comparing(ReleaseView::lastChangeAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ReleaseView::id));
        return all;
    }

    /** Whether a kill switch covering {@code target} is on (its own, or an org-wide pattern), and whose. */
    public Optional<KillSwitchFlipped> killSwitchOn(String target) {
        KillSwitchFlipped own = killSwitches.get(target);
        if (own != null && own.active()) {
            return Optional.of(own);
        }
        return killSwitches.values().stream()
                .filter(k -> k.active() && !k.target().equals(target) && covers(k.target(), target))
                .findFirst();
    }

    /** The standing holds (and freezes) covering {@code target}. */
    public List<HoldChanged> holdsOn(String target) {
        return holds.values().stream().filter(h -> covers(h.target(), target))
                .sorted(Comparator.comparing(HoldChanged::name)).toList();
    }

    /** Every standing hold. */
    public Collection<HoldChanged> holds() {
        return List.copyOf(holds.values());
    }

    /** How many entries the whole ledger holds, as far as the projection has read it. */
    public long ledgerSize() {
        return ledgerHeads.values().stream().mapToLong(head -> head + 1).sum();
    }

    /** The ledger entries recorded about {@code target}, oldest first (the latest {@value #LEDGER_PER_TARGET}). */
    public List<LedgerRecorded> ledger(String target) {
        TargetLedger entries = ledger.get(target);
        return entries == null ? List.of() : entries.entries();
    }

    /** The latest signed checkpoint, if any. */
    public Optional<CheckpointSigned> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /** The witnesses' cosignatures on the latest checkpoint. */
    public List<CheckpointCosigned> cosignatures() {
        return cosignatures;
    }

    /** The announced policies by content hash, by name then version. */
    public List<PolicyAnnounced> policies() {
        return policies.values().stream()
                .sorted(Comparator.comparing(PolicyAnnounced::name).thenComparing(PolicyAnnounced::at))
                .toList();
    }

    /** One announced policy by its content hash. */
    public Optional<PolicyAnnounced> policy(String contentHash) {
        return Optional.ofNullable(policies.get(contentHash));
    }

    /** The board's rows matching {@code filter}, as of {@code now}. */
    public List<BoardRow> board(BoardFilter filter, Instant now) {
        Map<String, BoardRow> rows = new LinkedHashMap<>();
        // Patterns once per board, not once per row: a board of thousands of releases stays one pass.
        List<Predicate<String>> kills = killSwitches.values().stream().filter(KillSwitchFlipped::active)
                .map(k -> pattern(k.target())).toList();
        List<HoldChanged> standing = holds.values().stream().sorted(Comparator.comparing(HoldChanged::name)).toList();
        List<Predicate<String>> holdPatterns = standing.stream().map(h -> pattern(h.target())).toList();
        for (ReleaseView release : releases()) {
            if (!release.inFlight() || release.type() == null && release.stages().isEmpty()) {
                continue;
            }
            List<String> holdNames = new ArrayList<>();
            for (int i = 0; i < standing.size(); i++) {
                if (holdPatterns.get(i).test(release.target())) {
                    holdNames.add(standing.get(i).name());
                }
            }
            boolean killed = kills.stream().anyMatch(k -> k.test(release.target()));
            BoardRow row = BoardRow.of(release, killed, holdNames, now);
            if (filter.matches(row)) {
                rows.put(row.id(), row);
            }
        }
        return List.copyOf(rows.values());
    }

    /** The board row of one release, as of {@code now}. */
    public Optional<BoardRow> row(String id, Instant now) {
        return release(id).map(r -> BoardRow.of(r, killSwitchOn(r.target()).isPresent(),
                holdsOn(r.target()).stream().map(HoldChanged::name).toList(), now));
    }
}
