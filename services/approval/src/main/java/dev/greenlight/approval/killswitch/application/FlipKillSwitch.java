package dev.greenlight.approval.killswitch.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.killswitch.domain.KillSwitchAction;
import dev.greenlight.approval.killswitch.domain.KillSwitchRequest;
import dev.greenlight.approval.killswitch.domain.KillSwitchRules;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchDeactivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A person flips a target's kill switch. The switch needs no registered release: it stops
 * whatever of the target is live. Refused deactivations are recorded like any refused attempt.
 */
@Service
public class FlipKillSwitch {

    private final KillSwitchRules rules;
    private final KillSwitchEvents events;
    private final Refusals refusals;
    private final Clock clock;

    FlipKillSwitch(KillSwitchRules rules, KillSwitchEvents events, Refusals refusals, Clock clock) {
        this.rules = rules;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Returns the id of the stored event. */
    public String flip(KillSwitchRequest request, Actor actor) {
        Permission permission = rules.mayFlip(actor, request.action());
        if (!permission.granted()) {
            throw refusals.refuse(actor, request.target(), null, "KILL_SWITCH_" + request.action().name(),
                    permission.reason());
        }
        EventMetadata meta = EventMeta.of(actor, clock);
        events.publish(request.target(), request.action() == KillSwitchAction.ACTIVATE
                ? KillSwitchActivated.newBuilder().setMeta(meta).setTarget(request.target())
                        .setReason(request.reason()).setActivatedBy(actor.name())
                        .setSource(KillSwitchSource.MANUAL).build()
                : KillSwitchDeactivated.newBuilder().setMeta(meta).setTarget(request.target())
                        .setReason(request.reason()).setDeactivatedBy(actor.name())
                        .setSource(KillSwitchSource.MANUAL).build());
        return meta.getEventId();
    }
}
