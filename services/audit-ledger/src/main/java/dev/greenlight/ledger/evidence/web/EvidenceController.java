package dev.greenlight.ledger.evidence.web;

import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.index.LedgerIndex;
import dev.greenlight.ledger.evidence.application.EvidenceAssembler;
import dev.greenlight.ledger.evidence.application.EvidenceHtml;
import dev.greenlight.ledger.evidence.application.EvidenceMarkdown;
import dev.greenlight.ledger.evidence.application.ReleaseEvidence;
import dev.greenlight.ledger.evidence.domain.EvidenceBundle;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A release's evidence bundle, built from the committed ledger as it is now: the on-disk index,
 * caught up with the topic, gives the release target's chain entries only (any authenticated caller,
 * like the rest of the ledger API). The format
 * is {@code ?format=json|markdown|html}, else the first of those the {@code Accept} header names,
 * else JSON — so a browser, {@code curl} and the CLI all get a useful answer.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class EvidenceController {

    private final IndexedLedger ledger;
    private final ReleaseEvidence evidence;
    private final Clock clock;

    EvidenceController(IndexedLedger ledger, SchemaRegistryClient registry, Clock clock) {
        this.ledger = ledger;
        this.evidence = new ReleaseEvidence(new LedgerEvents(registry), new EvidenceAssembler());
        this.clock = clock;
    }

    @GetMapping(value = "/releases/{target}/{version}/evidence",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/markdown", MediaType.TEXT_HTML_VALUE})
    ResponseEntity<String> evidence(@PathVariable String target, @PathVariable String version,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        EvidenceFormat chosen = EvidenceFormat.choose(format, accept);
        LedgerIndex index = ledger.current();
        EvidenceBundle bundle = evidence.of(index.chainEntriesOf(target), index.latestCheckpoint(),
                        index.chainLength(), target, version, clock.instant())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "release " + target + "@" + version + " is not registered in the ledger"));
        String body = switch (chosen) {
            case JSON -> EvidenceJson.render(bundle);
            case MARKDOWN -> EvidenceMarkdown.render(bundle);
            case HTML -> EvidenceHtml.render(bundle);
        };
        return ResponseEntity.ok().contentType(chosen.mediaType()).body(body);
    }
}
