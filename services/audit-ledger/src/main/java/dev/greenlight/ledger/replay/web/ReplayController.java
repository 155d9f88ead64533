package dev.greenlight.ledger.replay.web;

import dev.greenlight.events.PolicyActivated;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.replay.application.DecisionReplayer;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's replay: re-evaluates recorded gate decisions from the committed ledger as it is now
 * through the index, for one release ({@code target@version}), one target, or all; one release touches
 * only its target's entries and the recorded policy documents.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class ReplayController {

    /** Replaying a release needs its target's events and the policy documents, which any target may hold. */
    private static final Set<String> POLICIES = Set.of(PolicyActivated.getClassSchema().getFullName());

    private final IndexedLedger ledger;
    private final LedgerEvents events;
    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    ReplayController(IndexedLedger ledger, SchemaRegistryClient registry) {
        this.ledger = ledger;
        this.events = new LedgerEvents(registry);
    }

    @GetMapping("/replay")
    ReplayView replay(@RequestParam(required = false) String release) {
        return ReplayView.of(replayer.replay(events.decode(ledger.forReplay(release, POLICIES)), release));
    }
}
