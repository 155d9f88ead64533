package dev.greenlight.approval.oncall.web;

import dev.greenlight.approval.common.domain.Fields;
import dev.greenlight.approval.oncall.application.AcknowledgeOnCall;
import dev.greenlight.approval.oncall.domain.CoverageRequest;
import dev.greenlight.events.OnCallAcknowledged;
import dev.greenlight.platform.security.Actor;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** On-call acknowledgements of deployment windows. */
@RestController
@RequestMapping("/api/v1/acks")
class AckController {

    private final AcknowledgeOnCall acknowledgeOnCall;

    AckController(AcknowledgeOnCall acknowledgeOnCall) {
        this.acknowledgeOnCall = acknowledgeOnCall;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AckResponse acknowledge(@RequestBody AckBody body, Actor actor) {
        CoverageRequest request = new CoverageRequest(body.target(), Optional.ofNullable(body.version()),
                Fields.instant("windowStart", body.windowStart()), Fields.instant("windowEnd", body.windowEnd()));
        OnCallAcknowledged event = acknowledgeOnCall.acknowledge(request, actor);
        return new AckResponse(event.getTarget(), event.getVersion(), event.getEngineer(), event.getWindowStart(),
                event.getWindowEnd(), event.getMeta().getEventId());
    }
}
