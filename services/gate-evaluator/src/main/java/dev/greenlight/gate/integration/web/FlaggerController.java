package dev.greenlight.gate.integration.web;

import dev.greenlight.gate.integration.FlaggerProperties;
import dev.greenlight.gate.integration.domain.FlaggerHook;
import dev.greenlight.gate.integration.domain.FlaggerMapping;
import dev.greenlight.gate.integration.domain.Verdict;
import dev.greenlight.gate.integration.kafka.RollbackSignalFeed;
import dev.greenlight.platform.security.UserAccount;
import dev.greenlight.platform.security.UserDirectory;
import dev.greenlight.platform.web.ApiProblems;
import dev.greenlight.platform.web.KeyOwnerRedirects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flagger's webhooks. Flagger decides from the status code alone: 2xx lets the canary go on,
 * anything else halts it (and a {@code rollback} hook answering 2xx rolls it back), with the body
 * shown in its log and events. So:
 * <ul>
 *   <li>{@code POST /api/v1/integrations/flagger/gate} (confirm-rollout, pre-rollout, rollout,
 *       confirm-traffic-increase, confirm-promotion): 200 with the verdict only when the stage is
 *       GO; 412 with the verdict (its reasons) otherwise, 404 for an unknown release;</li>
 *   <li>{@code POST /api/v1/integrations/flagger/rollback} ({@code rollback}): 200 when a kill switch
 *       covers the target or the rollout-controller rolled the version back; 412 otherwise.</li>
 * </ul>
 *
 * <p>Authentication: Flagger's webhooks cannot carry a header or a signature, only the webhook's
 * {@code metadata}, so the path is open to the filter chain and the caller proves itself with a
 * users-file token in {@code metadata["greenlight.token"]}, whose user must hold the Flagger
 * integration role ({@code greenlight.integrations.flagger.role}). Nothing else is read, looked
 * up or redirected before that check: an unknown token is 401, another role 403. The hooks write
 * nothing.
 */
@RestController
@RequestMapping("/api/v1/integrations/flagger")
class FlaggerController {

    private final ReleaseVerdicts verdicts;
    private final RollbackSignalFeed rollbacks;
    private final FlaggerMapping mapping;
    private final UserDirectory users;
    private final String role;

    FlaggerController(ReleaseVerdicts verdicts, RollbackSignalFeed rollbacks, FlaggerMapping mapping,
                      UserDirectory users, FlaggerProperties properties) {
        this.verdicts = verdicts;
        this.rollbacks = rollbacks;
        this.mapping = mapping;
        this.users = users;
        this.role = properties.role();
    }

    @PostMapping("/gate")
    ResponseEntity<?> gate(@RequestBody FlaggerHook hook) {
        Optional<ResponseEntity<?>> refused = authenticate(hook);
        if (refused.isPresent()) {
            return refused.get();
        }
        FlaggerMapping.Resolved release = mapping.resolve(hook);
        ReleaseVerdicts.Lookup lookup = verdicts.lookup(release.target(), release.version(), release.stage());
        if (lookup.owner().isPresent()) {
            return KeyOwnerRedirects.redirectTo(lookup.owner().get());
        }
        if (lookup.verdict().isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.of(HttpStatus.NOT_FOUND, "Not found",
                    "release " + release.target() + "@" + release.version() + " is not registered"));
        }
        Verdict verdict = lookup.verdict().get();
        VerdictView view = VerdictView.of(verdict, ReleaseLinks.of(release.target(), release.version()));
        return ResponseEntity.status(verdict.go() ? HttpStatus.OK : HttpStatus.PRECONDITION_FAILED).body(view);
    }

    @PostMapping("/rollback")
    ResponseEntity<?> rollback(@RequestBody FlaggerHook hook) {
        Optional<ResponseEntity<?>> refused = authenticate(hook);
        if (refused.isPresent()) {
            return refused.get();
        }
        FlaggerMapping.Resolved release = mapping.resolve(hook, false);
        if (!rollbacks.isCaughtUp()) {
            throw new InvalidStateStoreException("the kill switch and rollouts are still being read");
        }
        Optional<String> reason = rollbacks.rollbackReason(release.target(), release.version());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", release.target());
        body.put("version", release.version());
        body.put("rollback", reason.isPresent());
        body.put("reason", reason.orElse("no kill switch covers " + release.target()
                + " and the rollout-controller has not rolled " + release.version() + " back"));
        return ResponseEntity.status(reason.isPresent() ? HttpStatus.OK : HttpStatus.PRECONDITION_FAILED).body(body);
    }

    private Optional<ResponseEntity<?>> authenticate(FlaggerHook hook) {
        String token = hook.metadata(FlaggerHook.TOKEN);
        Optional<UserAccount> user = token == null ? Optional.empty() : users.byToken(token);
        if (user.isEmpty()) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ApiProblems.of(HttpStatus.UNAUTHORIZED,
                    "Unauthorized", "metadata." + FlaggerHook.TOKEN + " must carry a valid Greenlight token")));
        }
        if (!user.get().roles().contains(role)) {
            return Optional.of(ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiProblems.of(HttpStatus.FORBIDDEN,
                    "Forbidden", "the Flagger webhook needs role " + role)));
        }
        return Optional.empty();
    }

    @ExceptionHandler(FlaggerMapping.MissingField.class)
    ResponseEntity<ProblemDetail> missing(FlaggerMapping.MissingField e) {
        return ResponseEntity.badRequest().body(ApiProblems.invalidField(e.getMessage(), e.field()));
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "The gate state is being restored; retry shortly."));
    }
}
