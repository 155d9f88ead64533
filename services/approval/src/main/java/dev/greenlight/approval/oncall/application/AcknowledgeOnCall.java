package dev.greenlight.approval.oncall.application;

import dev.greenlight.approval.common.application.EventMeta;
import dev.greenlight.approval.common.application.Refusals;
import dev.greenlight.approval.common.domain.Permission;
import dev.greenlight.approval.oncall.domain.CoverageRequest;
import dev.greenlight.approval.oncall.domain.CoverageRules;
import dev.greenlight.events.OnCallAcknowledged;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Records that the on-call engineer calling covers a deployment window. */
@Service
public class AcknowledgeOnCall {

    static final String ACTION = "ACKNOWLEDGE_ON_CALL";

    private final CoverageRules rules;
    private final OnCallEvents events;
    private final Refusals refusals;
    private final Clock clock;

    AcknowledgeOnCall(CoverageRules rules, OnCallEvents events, Refusals refusals, Clock clock) {
        this.rules = rules;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    public OnCallAcknowledged acknowledge(CoverageRequest request, Actor actor) {
        request.validAt(clock.instant());
        Permission permission = rules.mayAcknowledge(actor);
        if (!permission.granted()) {
            throw refusals.refuse(actor, request.target(), request.version().orElse(null), ACTION,
                    permission.reason());
        }
        OnCallAcknowledged event = OnCallAcknowledged.newBuilder()
                .setMeta(EventMeta.of(actor, clock))
                .setTarget(request.target())
                .setVersion(request.version().orElse(null))
                .setEngineer(actor.name())
                .setWindowStart(request.windowStart())
                .setWindowEnd(request.windowEnd())
                .build();
        events.publish(event);
        return event;
    }
}
