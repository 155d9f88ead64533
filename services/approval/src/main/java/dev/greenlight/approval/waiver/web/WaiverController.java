package dev.greenlight.approval.waiver.web;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.approval.waiver.application.GrantWaiver;
import dev.greenlight.approval.waiver.domain.WaiverRequest;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Waivers of one gate criterion of one release, each with its rationale. */
@RestController
@RequestMapping("/api/v1/waivers")
class WaiverController {

    private final GrantWaiver grantWaiver;
    private final Clock clock;

    WaiverController(GrantWaiver grantWaiver, Clock clock) {
        this.grantWaiver = grantWaiver;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WaiverResponse grant(@RequestBody WaiverBody body, Actor actor) {
        WaiverRequest request = new WaiverRequest(body.target(), body.version(), body.criterion(), body.rationale(),
                Optional.ofNullable(body.role()),
                Fields.optionalFuture("expiresAt", body.expiresAt(), clock.instant()));
        WaiverGranted event = grantWaiver.grant(request, actor);
        return new WaiverResponse(event.getWaiverId(), event.getTarget(), event.getVersion(), event.getCriterion(),
                event.getRole(), event.getGrantedBy(), event.getMeta().getEventId());
    }
}
