package dev.greenlight.approval.killswitch.web;

import dev.greenlight.approval.common.web.EnumFields;
import dev.greenlight.approval.killswitch.application.FlipKillSwitch;
import dev.greenlight.approval.killswitch.domain.KillSwitchAction;
import dev.greenlight.approval.killswitch.domain.KillSwitchRequest;
import dev.greenlight.platform.security.Actor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual kill switch: stop a target's live influence now, or allow it again. */
@RestController
@RequestMapping("/api/v1/kill-switch")
class KillSwitchController {

    private final FlipKillSwitch flipKillSwitch;

    KillSwitchController(FlipKillSwitch flipKillSwitch) {
        this.flipKillSwitch = flipKillSwitch;
    }

    @PostMapping
    KillSwitchResponse flip(@RequestBody KillSwitchBody body, Actor actor) {
        KillSwitchRequest request = new KillSwitchRequest(body.target(),
                EnumFields.parse("action", body.action(), KillSwitchAction.class), body.reason());
        String eventId = flipKillSwitch.flip(request, actor);
        return new KillSwitchResponse(request.target(), request.action().name(), actor.name(), eventId);
    }
}
