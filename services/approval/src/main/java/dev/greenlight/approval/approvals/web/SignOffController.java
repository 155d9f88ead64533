package dev.greenlight.approval.approvals.web;

import dev.greenlight.approval.approvals.application.RecordSignOff;
import dev.greenlight.approval.approvals.application.RevokeOutcome;
import dev.greenlight.approval.approvals.application.RevokeSignOff;
import dev.greenlight.approval.approvals.application.SignOffOutcome;
import dev.greenlight.approval.approvals.domain.SignOff;
import dev.greenlight.approval.approvals.domain.SignOffRequest;
import dev.greenlight.approval.approvals.domain.Verdict;
import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.approval.common.web.EnumFields;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-offs by people: approve or reject a release in a role, and withdraw one's own verdict.
 * A new verdict answers 201; repeating one that stands answers 200 with the recorded one.
 */
@RestController
@RequestMapping("/api/v1/approvals")
class SignOffController {

    private final RecordSignOff recordSignOff;
    private final RevokeSignOff revokeSignOff;
    private final Clock clock;

    SignOffController(RecordSignOff recordSignOff, RevokeSignOff revokeSignOff, Clock clock) {
        this.recordSignOff = recordSignOff;
        this.revokeSignOff = revokeSignOff;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<SignOffResponse> signOff(@RequestBody SignOffBody body, Actor actor) {
        SignOffRequest request = new SignOffRequest(body.target(), body.version(), body.role(),
                EnumFields.parse("verdict", body.verdict(), Verdict.class),
                Fields.optionalText("comment", body.comment(), 2000),
                Fields.optionalFuture("expiresAt", body.expiresAt(), clock.instant()));
        SignOffOutcome outcome = recordSignOff.signOff(request, actor);
        SignOff s = outcome.signOff();
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new SignOffResponse(s.approvalId(), s.target(), s.version(), s.role(), s.verdict().name(),
                        s.approver(), s.eventId()));
    }

    @DeleteMapping("/{approvalId}")
    RevokeResponse revoke(@PathVariable String approvalId, @RequestParam(required = false) String reason,
            Actor actor) {
        RevokeOutcome outcome = revokeSignOff.revoke(approvalId,
                Fields.optionalText("reason", reason, 2000), actor);
        SignOff s = outcome.signOff();
        return new RevokeResponse(s.approvalId(), s.target(), s.version(), s.role(), true,
                outcome.eventId().orElse(null));
    }
}
