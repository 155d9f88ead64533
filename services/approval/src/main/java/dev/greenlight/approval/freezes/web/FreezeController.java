package dev.greenlight.approval.freezes.web;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.approval.freezes.application.DeclareFreeze;
import dev.greenlight.approval.freezes.application.LiftFreeze;
import dev.greenlight.approval.freezes.domain.FreezeRequest;
import dev.greenlight.approval.freezes.domain.StandingFreezes;
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
 * Runtime freeze windows — a blackout declared as an audited event. {@code GET} lists the standing
 * freezes (any authenticated caller), {@code POST} declares one (a hold-placing role), {@code DELETE}
 * lifts one (its declarer or the hold authority role). Answers 2xx only once Kafka stored the event.
 */
@RestController
@RequestMapping("/api/v1/freezes")
class FreezeController {

    private final DeclareFreeze declareFreeze;
    private final LiftFreeze liftFreeze;
    private final StandingFreezes freezes;

    FreezeController(DeclareFreeze declareFreeze, LiftFreeze liftFreeze, StandingFreezes freezes) {
        this.declareFreeze = declareFreeze;
        this.liftFreeze = liftFreeze;
        this.freezes = freezes;
    }

    @GetMapping
    List<FreezeResponse> list(Actor actor) {
        return freezes.all().stream().map(FreezeResponse::standing).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FreezeResponse declare(@RequestBody FreezeBody body, Actor actor) {
        FreezeBody.Override override = body.override() == null ? new FreezeBody.Override(null, null) : body.override();
        FreezeRequest request = FreezeRequest.of(body.name(), body.target(), body.reason(), body.from(), body.to(),
                override.roles(), override.releaseTypes());
        return FreezeResponse.standing(declareFreeze.declare(request, actor));
    }

    @DeleteMapping("/{freezeId}")
    FreezeResponse lift(@PathVariable String freezeId, @RequestParam(required = false) String reason, Actor actor) {
        LiftFreeze.Outcome outcome = liftFreeze.lift(freezeId, Fields.optionalText("reason", reason, 2000), actor);
        return FreezeResponse.lifted(outcome.freeze(), outcome.eventId());
    }
}
