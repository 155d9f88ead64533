package dev.greenlight.ledger.replay.web;

import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.replay.application.DecisionReplayer;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's replay: re-evaluates recorded gate decisions from the committed ledger as it is now
 * (read like verify and query read it), for one release ({@code target@version}), one target, or all.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class ReplayController {

    private final Supplier<LedgerSnapshot> ledger;
    private final LedgerEvents events;
    private final DecisionReplayer replayer = new DecisionReplayer(new PolicyParser(), new PolicyEngine());

    ReplayController(Supplier<LedgerSnapshot> ledger, SchemaRegistryClient registry) {
        this.ledger = ledger;
        this.events = new LedgerEvents(registry);
    }

    @GetMapping("/replay")
    ReplayView replay(@RequestParam(required = false) String release) {
        return ReplayView.of(replayer.replay(events.decode(ledger.get().allEntries()), release));
    }
}
