package dev.greenlight.platform.topics;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who writes and who reads each catalogue topic: the ownership rule of Greenlight's events, in one
 * table. A topic's writers are the only principals whose records consumers ever see on it, which is
 * what lets a consumer trust identity fields inside a payload (see docs/security.md, "Kafka: who
 * writes each topic"). {@link KafkaAcls} turns this table into ACLs; nothing else grants topic access.
 */
public final class TopicAccess {

    private static final Set<KafkaUser> SERVICES = EnumSet.of(KafkaUser.CHECK_INGEST, KafkaUser.APPROVAL,
            KafkaUser.GATE_EVALUATOR, KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER, KafkaUser.INTEGRATIONS);

    private static final Map<Topic<?>, Access> ACCESS = new LinkedHashMap<>();

    static {
        // The ledger records every fact and command topic (its SourceTopics), so it reads them all.
        grant(Topics.RELEASES, writers(KafkaUser.CHECK_INGEST), readers(KafkaUser.CHECK_INGEST, KafkaUser.APPROVAL,
                KafkaUser.GATE_EVALUATOR, KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        grant(Topics.CHECKS, writers(KafkaUser.CHECK_INGEST),
                readers(KafkaUser.GATE_EVALUATOR, KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        grant(Topics.ALERTS, writers(KafkaUser.CHECK_INGEST),
                readers(KafkaUser.GATE_EVALUATOR, KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        grant(Topics.METRICS, writers(KafkaUser.CHECK_INGEST),
                readers(KafkaUser.GATE_EVALUATOR, KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        // Approvals, rejections, revocations, waivers, on-call ACKs and refused attempts.
        grant(Topics.APPROVALS, writers(KafkaUser.APPROVAL),
                readers(KafkaUser.APPROVAL, KafkaUser.GATE_EVALUATOR, KafkaUser.AUDIT_LEDGER));
        // People flip the kill switch through the approval service; the rollout controller activates
        // it itself (source GUARD) when a KILL guard trips.
        // The gate reads it whole to answer Flagger's rollback webhook (a standing kill switch says roll back).
        grant(Topics.KILL_SWITCH, writers(KafkaUser.APPROVAL, KafkaUser.ROLLOUT_CONTROLLER),
                readers(KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER, KafkaUser.GATE_EVALUATOR));
        // Holds: people and bots place and lift them through the approval service (which reads them
        // back to know each hold's owner); the gate turns them into HOLD.
        grant(Topics.HOLDS, writers(KafkaUser.APPROVAL),
                readers(KafkaUser.APPROVAL, KafkaUser.GATE_EVALUATOR, KafkaUser.AUDIT_LEDGER));
        // The org-wide kill switch (a pattern of targets): people flip it through the approval service.
        grant(Topics.KILL_SWITCH_PATTERNS, writers(KafkaUser.APPROVAL),
                readers(KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER, KafkaUser.GATE_EVALUATOR));
        grant(Topics.DECISIONS, writers(KafkaUser.GATE_EVALUATOR),
                readers(KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        // Policy texts by content hash: whoever evaluates a decision again resolves the gate's text,
        // and check-ingest binds each registration to one of the policies the gate announced.
        grant(Topics.POLICIES, writers(KafkaUser.GATE_EVALUATOR),
                readers(KafkaUser.CHECK_INGEST, KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        // The gate reads the step starts: a stage's monitoring checkpoints count from them; and the
        // rollbacks and aborts, to answer Flagger's rollback webhook.
        grant(Topics.ROLLOUTS, writers(KafkaUser.ROLLOUT_CONTROLLER),
                readers(KafkaUser.GATE_EVALUATOR, KafkaUser.AUDIT_LEDGER));
        // Written by the controller's own REST API with the authenticated caller inside.
        grant(Topics.ROLLOUT_COMMANDS, writers(KafkaUser.ROLLOUT_CONTROLLER),
                readers(KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        grant(Topics.DEPLOYMENT_COMMANDS, writers(KafkaUser.ROLLOUT_CONTROLLER),
                readers(KafkaUser.DEPLOYER, KafkaUser.AUDIT_LEDGER));
        grant(Topics.DEPLOYMENT_REPORTS, writers(KafkaUser.DEPLOYER),
                readers(KafkaUser.ROLLOUT_CONTROLLER, KafkaUser.AUDIT_LEDGER));
        grant(Topics.LEDGER, writers(KafkaUser.AUDIT_LEDGER), readers(KafkaUser.AUDIT_LEDGER));
        grant(Topics.LEDGER_CHECKPOINTS, writers(KafkaUser.AUDIT_LEDGER), readers(KafkaUser.AUDIT_LEDGER));
        // Witnesses submit cosignatures over the ledger's REST API; only the ledger writes them, after checking them.
        grant(Topics.LEDGER_COSIGNATURES, writers(KafkaUser.AUDIT_LEDGER), readers(KafkaUser.AUDIT_LEDGER));
        // Every service parks the records it cannot decode; operators read them as administrators, and
        // the ledger records each one (as an undecodable entry) so no source offset goes unaccounted.
        grant(Topics.DEAD_LETTER, SERVICES, readers(KafkaUser.AUDIT_LEDGER));
        // Subscriptions: created and deleted through the integrations service, which reads them back
        // into the view its deliveries match against; the ledger records them (audited).
        grant(Topics.SUBSCRIPTIONS, writers(KafkaUser.INTEGRATIONS),
                readers(KafkaUser.INTEGRATIONS, KafkaUser.AUDIT_LEDGER));
        // The integrations service tells people and GitHub what happened: it follows releases (for
        // their revision), decisions, rollouts, kill switches and holds, from its own consumers, never
        // in the gate's path.
        alsoReadBy(KafkaUser.INTEGRATIONS, Topics.RELEASES, Topics.DECISIONS, Topics.ROLLOUTS, Topics.KILL_SWITCH,
                Topics.KILL_SWITCH_PATTERNS, Topics.HOLDS);
        // ... and the announced policies, whose notify: rules are subscriptions too (its one policy source).
        alsoReadBy(KafkaUser.INTEGRATIONS, Topics.POLICIES);
        // GitHub deployments waiting on a decision: recorded and read back by the integrations service
        // (so they survive its restart); the ledger records them (GitHub asked, Greenlight answered).
        grant(Topics.DEPLOYMENT_REVIEWS, writers(KafkaUser.INTEGRATIONS),
                readers(KafkaUser.INTEGRATIONS, KafkaUser.AUDIT_LEDGER));
        // CDEvents out: derived by the audit-ledger from the fact topics; read by consumers outside
        // Greenlight, who get READ ACLs of their own from the operator.
        grant(Topics.CDEVENTS, writers(KafkaUser.AUDIT_LEDGER), readers());
        // The console's read model: written by its partitioned projector, read by every console instance;
        // derived from facts the console reads, so a forged record misleads a board, never a gate.
        grant(Topics.CONSOLE_BOARD, writers(KafkaUser.CONSOLE), readers(KafkaUser.CONSOLE));
    }

    static {
        // The console reads what its board, release, ledger and policy pages show, and writes nothing.
        for (Topic<?> topic : List.of(Topics.RELEASES, Topics.POLICIES, Topics.DECISIONS, Topics.APPROVALS,
                Topics.ROLLOUTS, Topics.KILL_SWITCH, Topics.KILL_SWITCH_PATTERNS, Topics.HOLDS, Topics.LEDGER,
                Topics.LEDGER_CHECKPOINTS, Topics.LEDGER_COSIGNATURES)) {
            Access access = ACCESS.get(topic);
            Set<KafkaUser> readers = EnumSet.of(KafkaUser.CONSOLE);
            readers.addAll(access.readers());
            ACCESS.put(topic, new Access(access.writers(), Set.copyOf(readers)));
        }
    }

    private TopicAccess() {
    }

    /** The principals that may write {@code topic}; empty for a topic outside the catalogue. */
    public static Set<KafkaUser> writers(Topic<?> topic) {
        Access access = ACCESS.get(topic);
        return access == null ? Set.of() : access.writers();
    }

    /** The principals that may read {@code topic}; empty for a topic outside the catalogue. */
    public static Set<KafkaUser> readers(Topic<?> topic) {
        Access access = ACCESS.get(topic);
        return access == null ? Set.of() : access.readers();
    }

    private static void grant(Topic<?> topic, Set<KafkaUser> writers, Set<KafkaUser> readers) {
        ACCESS.put(topic, new Access(Set.copyOf(writers), Set.copyOf(readers)));
    }

    private static void alsoReadBy(KafkaUser reader, Topic<?>... topics) {
        for (Topic<?> topic : topics) {
            Access access = ACCESS.get(topic);
            Set<KafkaUser> readers = new java.util.HashSet<>(access.readers());
            readers.add(reader);
            ACCESS.put(topic, new Access(access.writers(), Set.copyOf(readers)));
        }
    }

    private static Set<KafkaUser> writers(KafkaUser... users) {
        return Set.of(users);
    }

    private static Set<KafkaUser> readers(KafkaUser... users) {
        return Set.of(users);
    }

    private record Access(Set<KafkaUser> writers, Set<KafkaUser> readers) {
    }
}
