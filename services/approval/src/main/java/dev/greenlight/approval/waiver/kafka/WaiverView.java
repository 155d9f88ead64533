package dev.greenlight.approval.waiver.kafka;

import dev.greenlight.approval.waiver.domain.GrantedWaiver;
import dev.greenlight.approval.waiver.domain.GrantedWaivers;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link GrantedWaivers} in step with the approvals topic, so a waiver granted by another
 * instance or before a restart can be revoked by its grantor. Like the sign-off view, every
 * instance reads the whole topic under its own consumer group; until it has caught up, an older
 * waiver id answers 404.
 */
@Component
class WaiverView {

    private final GrantedWaivers waivers;

    WaiverView(GrantedWaivers waivers) {
        this.waivers = waivers;
    }

    @KafkaListener(topics = "#{T(dev.greenlight.platform.topics.Topics).APPROVALS.name()}",
            groupId = "approval-view-waivers-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void on(SpecificRecord event) {
        if (event instanceof WaiverGranted granted) {
            waivers.record(new GrantedWaiver(granted.getWaiverId(), granted.getMeta().getEventId(),
                    granted.getTarget(), granted.getVersion(), granted.getCriterion(), granted.getGrantedBy(),
                    granted.getRole(), false));
        } else if (event instanceof WaiverRevoked revoked) {
            waivers.revoke(revoked.getWaiverId());
        }
    }
}
