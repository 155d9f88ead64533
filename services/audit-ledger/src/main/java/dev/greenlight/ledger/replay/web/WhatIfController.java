package dev.greenlight.ledger.replay.web;

import dev.greenlight.events.PolicyActivated;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.ledger.replay.application.PolicyWhatIf;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParseException;
import dev.greenlight.policy.parser.PolicyParser;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replay gate for policy changes: POST a candidate policy document (YAML) and learn which
 * recorded decisions made under its name would have gone differently, and whether any GO would
 * have become NO-GO ({@code blocked}).
 */
@RestController
@RequestMapping("/api/v1/ledger")
class WhatIfController {

    private static final Set<String> POLICIES = Set.of(PolicyActivated.getClassSchema().getFullName());

    private final IndexedLedger ledger;
    private final LedgerEvents events;
    private final PolicyWhatIf whatIf = new PolicyWhatIf(new PolicyEngine());

    WhatIfController(IndexedLedger ledger, SchemaRegistryClient registry) {
        this.ledger = ledger;
        this.events = new LedgerEvents(registry);
    }

    @PostMapping(path = "/what-if", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    WhatIfView whatIf(@RequestBody String candidateYaml, @RequestParam(required = false) String release) {
        Policy candidate = new PolicyParser().parse("candidate.yaml", candidateYaml);
        return WhatIfView.of(whatIf.evaluate(events.decode(ledger.forReplay(release, POLICIES)), candidate, release));
    }

    @ExceptionHandler(PolicyParseException.class)
    ProblemDetail invalidCandidate(PolicyParseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid candidate policy");
        problem.setProperty("line", e.line());
        return problem;
    }
}
