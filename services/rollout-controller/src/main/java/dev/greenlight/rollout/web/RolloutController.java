package dev.greenlight.rollout.web;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.RolloutCommandRequested;
import dev.greenlight.events.RolloutCommandType;
import dev.greenlight.platform.kafka.EventPublisher;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.web.IdempotentRequests;
import dev.greenlight.platform.web.KeyOwnerRedirects;
import dev.greenlight.rollout.domain.Actor;
import dev.greenlight.rollout.domain.RefusalReason;
import dev.greenlight.rollout.domain.RolloutRefusedException;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.TargetState;
import dev.greenlight.rollout.kafka.RolloutPolicies;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rollout status and manual control. Manual commands are not applied here: they are published as
 * {@code RolloutCommandRequested} on the rollout-commands topic, so the stream processor stays the
 * single writer of rollout state and the request itself is on record. The API checks the command
 * against the current state first to answer 409 at once; the processor checks again and emits
 * {@code RolloutCommandRefused} if the state changed in between.
 *
 * <p>The actor is the authenticated caller with the roles its token or JWT carries; the platform's
 * security layer answers 401 before this controller without one.
 */
@RestController
@RequestMapping("/api/v1/rollouts")
class RolloutController {

    private final RolloutQueries queries;
    private final RolloutPolicies policies;
    private final RolloutMachine machine;
    private final EventPublisher publisher;
    private final RolloutRefusals refusals;
    private final Clock clock;

    RolloutController(RolloutQueries queries, RolloutPolicies policies, RolloutMachine machine,
                      EventPublisher publisher, RolloutRefusals refusals, Clock clock) {
        this.queries = queries;
        this.policies = policies;
        this.machine = machine;
        this.publisher = publisher;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/{target}")
    ResponseEntity<RolloutStatusView> status(@PathVariable String target) {
        Optional<HostInfo> owner = queries.ownerElsewhere(target);
        if (owner.isPresent()) {
            return KeyOwnerRedirects.redirectTo(owner.get());
        }
        return ResponseEntity.ok(RolloutStatusView.of(known(target), policies, clock.instant()));
    }

    @PostMapping("/{target}/{version}/{action:promote|pause|resume|abort}")
    ResponseEntity<Map<String, String>> command(@PathVariable String target, @PathVariable String version,
                                                @PathVariable String action, @RequestBody ManualCommandBody body,
                                                dev.greenlight.platform.security.Actor caller) {
        Optional<HostInfo> owner = queries.ownerElsewhere(target);
        if (owner.isPresent()) {
            // The command itself travels through greenlight.rollout-commands, which any instance may
            // publish to; but the answer (403/409 at once, the refusal recorded) needs the target's
            // state, which only the owner holds. 307 keeps method and body: the owner checks and publishes.
            return KeyOwnerRedirects.redirectTo(owner.get());
        }
        RolloutCommandType type = RolloutCommandType.valueOf(action.toUpperCase(Locale.ROOT));
        Set<String> held = caller.roles();
        Actor actor = new Actor(caller.name(), held);
        // Refusals (no authority, no GO, wrong state, kill switch, missing reason) surface here as
        // RolloutRefusedException; those of authority are recorded before the 403.
        try {
            check(known(target), type, version, actor, body.reason());
        } catch (RolloutRefusedException e) {
            if (e.reason() == RefusalReason.NOT_PERMITTED || e.reason() == RefusalReason.NOT_APPROVED) {
                refusals.record(caller, target, version, type, e.getMessage());
            }
            throw e;
        }
        // Derived from the Idempotency-Key when there is one: a retried command has the same id,
        // and the processor applies a command id once.
        String requestId = IdempotentRequests.nextEventId();
        publisher.publish(Topics.ROLLOUT_COMMANDS, target, new RolloutCommandRequested(
                new EventMetadata(requestId, clock.instant(), caller.name()), target, version, type,
                caller.name(), held.stream().sorted().toList(), body.reason()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/rollouts/" + target))
                .body(Map.of("requestId", requestId, "command", type.name()));
    }

    private void check(TargetState state, RolloutCommandType type, String version, Actor actor, String reason) {
        switch (type) {
            case PROMOTE -> machine.promote(state, version, actor, reason);
            case PAUSE -> machine.pause(state, version, actor, reason);
            case RESUME -> machine.resume(state, version, actor, reason);
            case ABORT -> machine.abort(state, version, actor, reason);
        }
    }

    private TargetState known(String target) {
        return queries.target(target).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no rollouts known for target " + target));
    }
}
