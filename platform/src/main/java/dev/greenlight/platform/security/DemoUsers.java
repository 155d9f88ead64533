package dev.greenlight.platform.security;

import java.util.List;
import java.util.Set;

/**
 * The local stack's demo cast; each one's bearer token is {@code demo-<name>}. Between them they
 * hold every role the shipped policies ask for, spread so that four-eyes rules still bite, so a
 * newcomer can walk any runbook locally. They exist only there: a service running with production
 * settings refuses to start while they are enabled.
 */
public final class DemoUsers {

    private DemoUsers() {
    }

    public static List<UserAccount> all() {
        return List.of(
                demo("alice", Set.of("engineer"), List.of()),
                demo("bob", Set.of("auditor", "engineer", "code-review", "security"), List.of()),
                // carol signs off operations too: the ops guide wants platform, security and operations
                // from three different people, and erin already holds platform.
                demo("carol", Set.of("risk", "operations"), List.of()),
                // dave declares hotfixes: the shipped policies let only a founder or release captain
                // register one, so he publishes too (any target).
                demo("dave", Set.of("founder", "release-captain"), List.of("*")),
                demo("erin", Set.of("on-call", "engineer", "operations", "tech-lead", "platform"), List.of()),
                demo("frank", Set.of("management"), List.of()),
                demo("ci", Set.of("publisher"), List.of("*")),
                // Alertmanager's own integration principal: only it may fire or resolve alerts.
                demo("alertmanager", Set.of("alertmanager"), List.of("*")),
                // A ledger witness: may hand in checkpoint cosignatures, nothing else (docs/ledger.md).
                demo("witness", Set.of("witness"), List.of()),
                // Flagger's webhooks (docs/integrations.md): reads verdicts through the gate's Flagger
                // endpoints with the token in the webhook metadata, nothing else.
                demo("flagger", Set.of("flagger"), List.of()));
    }

    private static UserAccount demo(String name, Set<String> roles, List<String> targets) {
        return new UserAccount(name, roles, TokenHashes.sha256("demo-" + name), targets);
    }
}
