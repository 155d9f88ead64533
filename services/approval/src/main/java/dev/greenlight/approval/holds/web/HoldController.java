package dev.greenlight.approval.holds.web;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.approval.holds.application.LiftHold;
import dev.greenlight.approval.holds.application.PlaceHold;
import dev.greenlight.approval.holds.domain.HoldRequest;
import dev.greenlight.approval.holds.domain.StandingHolds;
import dev.greenlight.platform.security.Actor;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Named holds — stop the line for a target, a pattern or everything. {@code GET} lists the standing
 * holds (any authenticated caller), {@code POST} places one (a hold-placing role), {@code DELETE}
 * lifts one (its owner or the authority role). Answers 2xx only once Kafka stored the event.
 */
@RestController
@RequestMapping("/api/v1/holds")
class HoldController {

    private final PlaceHold placeHold;
    private final LiftHold liftHold;
    private final StandingHolds holds;

    HoldController(PlaceHold placeHold, LiftHold liftHold, StandingHolds holds) {
        this.placeHold = placeHold;
        this.liftHold = liftHold;
        this.holds = holds;
    }

    @GetMapping
    List<HoldResponse> list(Actor actor) {
        return holds.all().stream().map(HoldResponse::standing).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HoldResponse place(@RequestBody HoldBody body, Actor actor) {
        return HoldResponse.standing(placeHold.place(HoldRequest.of(body.name(), body.target(), body.reason()), actor));
    }

    @DeleteMapping("/{holdId}")
    HoldResponse lift(@PathVariable String holdId, @RequestParam(required = false) String reason, Actor actor) {
        LiftHold.Outcome outcome = liftHold.lift(holdId, Fields.optionalText("reason", reason, 2000), actor);
        return HoldResponse.lifted(outcome.hold(), outcome.eventId());
    }
}
