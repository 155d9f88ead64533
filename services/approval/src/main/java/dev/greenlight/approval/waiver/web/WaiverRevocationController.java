package dev.greenlight.approval.waiver.web;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.approval.waiver.application.RevokeWaiver;
import dev.greenlight.approval.waiver.domain.GrantedWaiver;
import dev.greenlight.platform.security.Actor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/v1/waivers/{waiverId}}: withdraws a waiver, like revoking an approval. No
 * body; its grantor or a holder of a waiver role may call it, anyone else gets 403 (recorded).
 */
@RestController
class WaiverRevocationController {

    private final RevokeWaiver revokeWaiver;

    WaiverRevocationController(RevokeWaiver revokeWaiver) {
        this.revokeWaiver = revokeWaiver;
    }

    @DeleteMapping("/api/v1/waivers/{waiverId}")
    WaiverRevokeResponse revoke(@PathVariable String waiverId, @RequestParam(required = false) String reason,
            Actor actor) {
        RevokeWaiver.Outcome outcome = revokeWaiver.revoke(waiverId, Fields.optionalText("reason", reason, 2000),
                actor);
        GrantedWaiver w = outcome.waiver();
        return new WaiverRevokeResponse(w.waiverId(), w.target(), w.version(), w.criterion(), true,
                outcome.eventId().orElse(null));
    }
}
