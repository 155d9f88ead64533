package dev.greenlight.approval.freezes.kafka;

import dev.greenlight.approval.freezes.domain.StandingFreeze;
import dev.greenlight.approval.freezes.domain.StandingFreezes;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link StandingFreezes} in step with the holds topic (where freezes live), so a freeze
 * declared through another instance or before a restart is listed and can be lifted by its declarer.
 * Every instance reads the whole topic in a fresh group under the {@code approval-view-} prefix.
 */
@Component
class FreezeView {

    private final StandingFreezes freezes;

    FreezeView(StandingFreezes freezes) {
        this.freezes = freezes;
    }

    @KafkaListener(topics = "#{T(dev.greenlight.platform.topics.Topics).HOLDS.name()}",
            groupId = "approval-view-freezes-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void on(SpecificRecord event) {
        if (event instanceof FreezeDeclared declared) {
            freezes.record(new StandingFreeze(declared.getFreezeId(), declared.getName(), declared.getTarget(),
                    declared.getReason(), declared.getDeclaredBy(), declared.getFrom(), declared.getTo(),
                    Set.copyOf(declared.getOverrideRoles()), Set.copyOf(declared.getOverrideReleaseTypes()),
                    declared.getMeta().getOccurredAt(), declared.getMeta().getEventId()));
        } else if (event instanceof FreezeLifted lifted) {
            freezes.lift(lifted.getFreezeId());
        }
    }
}
