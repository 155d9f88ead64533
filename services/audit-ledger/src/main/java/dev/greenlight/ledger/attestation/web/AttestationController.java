package dev.greenlight.ledger.attestation.web;

import dev.greenlight.ledger.attestation.application.DecisionAttestations;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.replay.application.LedgerEvents;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import java.security.KeyPair;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed in-toto attestation of one recorded gate decision, as a DSSE JSON envelope (any
 * authenticated caller, like the rest of the ledger API: it discloses what {@code /entries} already
 * shows). Read from the ledger index and signed with the ledger key; a deployer verifies it offline
 * with the public key ({@code greenlight ledger attest --verify}).
 */
@RestController
@RequestMapping("/api/v1/ledger")
class AttestationController {

    /** DSSE has no registered media type of its own; the envelope is JSON. */
    static final MediaType ENVELOPE = MediaType.APPLICATION_JSON;

    private final DecisionAttestations attestations;

    AttestationController(IndexedLedger index, SchemaRegistryClient registry, KeyPair ledgerSigningKeys) {
        this.attestations = new DecisionAttestations(index, new LedgerEvents(registry), ledgerSigningKeys);
    }

    @GetMapping(value = "/attestations/{decisionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> attestation(@PathVariable String decisionId) {
        try {
            return attestations.attest(decisionId)
                    .map(envelope -> ResponseEntity.ok().contentType(ENVELOPE).body(envelope.json()))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                            "decision " + decisionId + " is not recorded in the ledger"));
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
