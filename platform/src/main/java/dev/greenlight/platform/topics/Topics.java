package dev.greenlight.platform.topics;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentReviewAnswered;
import dev.greenlight.events.DeploymentReviewRequested;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentCommandUnacknowledged;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerCosignature;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.MonitorCheckpointReached;
import dev.greenlight.events.ObligationCreated;
import dev.greenlight.events.ObligationOverdue;
import dev.greenlight.events.OnCallAcknowledged;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.events.PostPromotionWatchEnded;
import dev.greenlight.events.PostPromotionWatchStarted;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.events.RolloutAborted;
import dev.greenlight.events.RolloutCommandRefused;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCompleted;
import dev.greenlight.events.RolloutPaused;
import dev.greenlight.events.RolloutResumed;
import dev.greenlight.events.RolloutStepCompleted;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.events.SubscriptionCreated;
import dev.greenlight.events.SubscriptionDeleted;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one topic catalogue of Greenlight. No other place names a topic: services, the launcher and
 * tests all refer to these constants, so a rename is one edit and topic settings cannot drift.
 *
 * <p>Every topic keeps its data forever ({@code retention.ms=-1}): Greenlight is event-sourced, and
 * gate decisions must stay reproducible from the evidence long after a release. Events that belong
 * to one aggregate and must stay in relative order (an alert and its resolution, sign-offs and their
 * revocation) share a topic whose value schema is a union.
 */
public final class Topics {

    private static final int PARTITIONS = 3;

    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");

    /** Release candidates announced to Greenlight. */
    public static final Topic<ReleaseRegistered> RELEASES = single("greenlight.releases", ReleaseRegistered.class,
            ReleaseRegistered.getClassSchema());

    /** Automated check results (CI jobs, scans, validation windows, client lanes). */
    public static final Topic<CheckReported> CHECKS = single("greenlight.checks", CheckReported.class,
            CheckReported.getClassSchema());

    /** Alert lifecycle: firing and resolution, in order per target. */
    public static final Topic<SpecificRecord> ALERTS = union("greenlight.alerts",
            AlertFired.getClassSchema(), AlertResolved.getClassSchema());

    /** Metric samples (policy entropy, error-budget burn, live errors, ...). */
    public static final Topic<MetricObserved> METRICS = single("greenlight.metrics", MetricObserved.class,
            MetricObserved.getClassSchema());

    /**
     * Human sign-offs and everything that qualifies them, in the order people acted. New members go
     * last: the gate-evaluator's evidence store encodes the union branch index.
     */
    public static final Topic<SpecificRecord> APPROVALS = union("greenlight.approvals",
            ApprovalGranted.getClassSchema(), ApprovalRejected.getClassSchema(), ApprovalRevoked.getClassSchema(),
            WaiverGranted.getClassSchema(), OnCallAcknowledged.getClassSchema(), ActionRefused.getClassSchema(),
            WaiverRevoked.getClassSchema());

    /** Kill switch state changes per target. */
    public static final Topic<SpecificRecord> KILL_SWITCH = union("greenlight.kill-switch",
            KillSwitchActivated.getClassSchema(), KillSwitchDeactivated.getClassSchema());

    /**
     * Named holds placed and lifted by people and bots, keyed by the target pattern they cover. A
     * pattern covers many targets, so every gate instance reads the whole topic (a global store)
     * instead of one partition of it: one partition keeps every placement and lift in one order.
     * Runtime freeze windows ({@code FreezeDeclared} / {@code FreezeLifted}) share the topic: they
     * are the same kind of fact (a person stopping the line for a pattern, lifted by its owner or
     * the authority), read by the same global store, joined by the same replay and recorded under
     * the same ACLs — one home for runtime stop-the-line facts.
     */
    public static final Topic<SpecificRecord> HOLDS = new Topic<>("greenlight.holds",
            Schema.createUnion(List.of(HoldPlaced.getClassSchema(), HoldLifted.getClassSchema(),
                    FreezeDeclared.getClassSchema(), FreezeLifted.getClassSchema())),
            SpecificRecord.class, 1, KEEP_FOREVER);

    /**
     * Org-wide kill switch: activations and deactivations whose {@code target} is a target pattern
     * ({@code payments-*}, {@code *}) rather than one target. Every rollout-controller instance reads
     * the whole topic (a global store), so each freezes the rollouts of every target the pattern
     * covers, including those that start while it is on; one partition keeps the flips in order.
     */
    public static final Topic<SpecificRecord> KILL_SWITCH_PATTERNS = new Topic<>("greenlight.kill-switch-patterns",
            Schema.createUnion(List.of(KillSwitchActivated.getClassSchema(), KillSwitchDeactivated.getClassSchema())),
            SpecificRecord.class, 1, KEEP_FOREVER);

    /** Gate verdicts with their criteria and evidence. */
    public static final Topic<GateDecided> DECISIONS = single("greenlight.decisions", GateDecided.class,
            GateDecided.getClassSchema());

    /** The policy documents gate evaluators gate with, keyed by policy name, one event per content hash. */
    public static final Topic<PolicyActivated> POLICIES = single("greenlight.policies", PolicyActivated.class,
            PolicyActivated.getClassSchema());

    /**
     * Everything the rollout controller reports about rollouts of a target, in the order it decided:
     * steps, guard actions, pauses, post-promotion watches, completion, checkpoints, hotfix obligations, unacknowledged
     * commands and refused manual commands ({@code RolloutCommandRefused} when the state machine
     * refuses an accepted command, {@code ActionRefused} when the API refuses a caller's authority).
     */
    public static final Topic<SpecificRecord> ROLLOUTS = union("greenlight.rollouts",
            RolloutStepStarted.getClassSchema(), RolloutStepCompleted.getClassSchema(),
            RollbackTriggered.getClassSchema(), RolloutPaused.getClassSchema(), RolloutResumed.getClassSchema(),
            RolloutAborted.getClassSchema(), RolloutCompleted.getClassSchema(),
            MonitorCheckpointReached.getClassSchema(), ObligationCreated.getClassSchema(),
            ObligationOverdue.getClassSchema(), DeploymentCommandUnacknowledged.getClassSchema(),
            RolloutCommandRefused.getClassSchema(), ActionRefused.getClassSchema(),
            PostPromotionWatchStarted.getClassSchema(), PostPromotionWatchEnded.getClassSchema());

    /**
     * Manual rollout commands (promote, pause, resume, abort). A topic rather than a direct call so
     * the rollout controller's stream processor stays the single writer of rollout state.
     */
    public static final Topic<RolloutCommandRequested> ROLLOUT_COMMANDS = single("greenlight.rollout-commands",
            RolloutCommandRequested.class, RolloutCommandRequested.getClassSchema());

    /** Commands from the rollout controller to deployers. */
    public static final Topic<DeploymentCommand> DEPLOYMENT_COMMANDS = single("greenlight.deployment-commands",
            DeploymentCommand.class, DeploymentCommand.getClassSchema());

    /** Deployers' reports on the commands. */
    public static final Topic<DeploymentApplied> DEPLOYMENT_REPORTS = single("greenlight.deployment-reports",
            DeploymentApplied.class, DeploymentApplied.getClassSchema());

    /**
     * The hash-chained audit ledger. Never compacted or expired, and stamped with the broker's append
     * time so a producer cannot backdate an entry.
     */
    public static final Topic<LedgerEntry> LEDGER = new Topic<>("greenlight.ledger", LedgerEntry.getClassSchema(),
            LedgerEntry.class, PARTITIONS, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", "-1",
                    "retention.bytes", "-1",
                    "message.timestamp.type", "LogAppendTime"));

    /**
     * Signed checkpoints of the ledger (Merkle root and partition heads). One partition: checkpoints
     * form a single sequence, and consistency proofs go from one to the next. Kept like the ledger.
     */
    public static final Topic<LedgerCheckpoint> LEDGER_CHECKPOINTS = new Topic<>("greenlight.ledger-checkpoints",
            LedgerCheckpoint.getClassSchema(), LedgerCheckpoint.class, 1, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", "-1",
                    "retention.bytes", "-1"));

    /**
     * Witnesses' cosignatures on ledger checkpoints (c2sp.org/tlog-cosignature), each checked by the
     * ledger against a checkpoint it signed before it is written. A topic of its own rather than a
     * second event type on the checkpoint topic: every reader of that topic treats each record as a
     * checkpoint the ledger signed, and a cosignature is a third party's statement, not the ledger's.
     * One partition, kept like the ledger.
     */
    public static final Topic<LedgerCosignature> LEDGER_COSIGNATURES = new Topic<>("greenlight.ledger-cosignatures",
            LedgerCosignature.getClassSchema(), LedgerCosignature.class, 1, Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", "-1",
                    "retention.bytes", "-1"));

    /**
     * Notification subscriptions (who is told what about which targets, on which channel), created and
     * deleted through the integrations service and keyed by subscription id. Compacted: a reader needs
     * only each subscription's latest fact (its deletion ends it); the ledger records every event as it
     * arrives, so compaction never loses the audit trail. One partition keeps creations and deletions
     * in one order for the views that read the whole topic.
     */
    public static final Topic<SpecificRecord> SUBSCRIPTIONS = new Topic<>("greenlight.subscriptions",
            Schema.createUnion(List.of(SubscriptionCreated.getClassSchema(), SubscriptionDeleted.getClassSchema())),
            SpecificRecord.class, 1, Map.of("cleanup.policy", "compact", "retention.ms", "-1"));

    /**
     * GitHub deployments waiting on a stage decision (deployment protection rules), keyed by review key
     * (environment and callback URL): the integrations service records each request it cannot answer
     * yet and each answer it posted, and reads the whole topic at start, so a restart neither forgets a
     * waiting deployment nor answers one twice. Compacted: only each deployment's latest fact matters
     * (the ledger records them all as they arrive). One partition, one order.
     */
    public static final Topic<SpecificRecord> DEPLOYMENT_REVIEWS = new Topic<>("greenlight.deployment-reviews",
            Schema.createUnion(List.of(DeploymentReviewRequested.getClassSchema(),
                    DeploymentReviewAnswered.getClassSchema())),
            SpecificRecord.class, 1, Map.of("cleanup.policy", "compact", "retention.ms", "-1"));

    /**
     * Greenlight's decisions, rollout steps, rollbacks and sign-offs as CDEvents, for any CDEvents
     * consumer: CloudEvents in structured mode (the JSON event as the value, header
     * {@code content-type: application/cloudevents+json}), keyed by target. Not Avro: outside readers
     * need no schema registry. Derived from the fact topics (the audit-ledger writes it), so the
     * ledger does not record it.
     */
    public static final Topic<byte[]> CDEVENTS = new Topic<>("greenlight.cdevents", null, byte[].class, PARTITIONS,
            KEEP_FOREVER);

    /**
     * The console's read model: one record per release ({@code release/<target>@<version>}, its folded
     * view) and per target ({@code ledger/<target>}, its latest ledger entries), JSON, written by the
     * console's partitioned projector (a consumer group over the release-keyed fact topics) and read
     * whole by every console instance. Compacted, and finished releases are tombstoned after an age
     * limit, so its size follows the releases in flight, not the history. Derived data, not a fact:
     * the ledger does not record it and no service but the console reads it.
     *
     * <p>Small segments, because Kafka compacts only closed segments and closes one at 1 GB or after
     * 7 days by default: every fact rewrites its release's or target's view, so without them the topic
     * held every version ever written (824 MB after a 15-minute benchmark at 3,000 releases), and a
     * console start, which reads it whole before it is ready, took minutes (docs/performance.md,
     * "Restart: the console's read model and the ledger's rebuild"). With 16 MB or 10-minute
     * segments a start reads the live views plus at most the uncompacted tail.
     */
    public static final Topic<byte[]> CONSOLE_BOARD = new Topic<>("greenlight.console-board", null, byte[].class,
            PARTITIONS, Map.of("cleanup.policy", "compact", "retention.ms", "-1",
                    "segment.bytes", String.valueOf(16 * 1024 * 1024), "segment.ms", "600000"));

    /** Poison records (unknown magic byte, unknown schema id, undecodable bytes) parked with their origin in headers. */
    public static final Topic<byte[]> DEAD_LETTER = new Topic<>("greenlight.dead-letter", null, byte[].class,
            PARTITIONS, KEEP_FOREVER);

    private static final List<Topic<?>> ALL = List.of(RELEASES, CHECKS, ALERTS, METRICS, APPROVALS, KILL_SWITCH,
            HOLDS, KILL_SWITCH_PATTERNS, DECISIONS, POLICIES, ROLLOUTS, ROLLOUT_COMMANDS, DEPLOYMENT_COMMANDS, DEPLOYMENT_REPORTS, LEDGER,
            LEDGER_CHECKPOINTS, LEDGER_COSIGNATURES, DEAD_LETTER,
            SUBSCRIPTIONS, CDEVENTS,
            DEPLOYMENT_REVIEWS,
            CONSOLE_BOARD);

    private Topics() {
    }

    /** Every topic Greenlight uses, in creation order. */
    public static List<Topic<?>> all() {
        return ALL;
    }

    /** The catalogue entry for a topic name, e.g. to interpret {@code LedgerEntry.sourceTopic}. */
    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static <V> Topic<V> single(String name, Class<V> valueType, Schema schema) {
        return new Topic<>(name, schema, valueType, PARTITIONS, KEEP_FOREVER);
    }

    private static Topic<SpecificRecord> union(String name, Schema... members) {
        return new Topic<>(name, Schema.createUnion(List.of(members)), SpecificRecord.class, PARTITIONS,
                KEEP_FOREVER);
    }
}
