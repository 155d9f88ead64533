package dev.greenlight.ledger.web;

import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import java.util.Base64;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger's public keys, each with its validity period, so an auditor can verify checkpoints
 * signed before and after a key rotation. The answer is a key ring document that
 * {@code greenlight ledger verify --public-key} reads as it is; the top-level fields name the
 * current key, as this endpoint did before keys rotated. Any authenticated caller may read it:
 * the keys are public, the caller is still logged like every API call.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerKeysController {

    private final LedgerKeyRing keys;

    LedgerKeysController(LedgerKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping({"/public-key", "/keys"})
    ObjectNode keys() {
        LedgerKey current = keys.current().orElseThrow();
        ObjectNode answer = keys.toJson();
        ObjectNode document = answer.objectNode().put("algorithm", "Ed25519").put("format", "X.509")
                .put("keyId", current.keyId())
                .put("publicKey", Base64.getEncoder().encodeToString(current.publicKey().getEncoded()));
        document.set("keys", answer.get("keys"));
        return document;
    }
}
