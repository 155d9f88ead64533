package dev.greenlight.approval.holds.kafka;

import dev.greenlight.approval.holds.domain.StandingHold;
import dev.greenlight.approval.holds.domain.StandingHolds;
import dev.greenlight.events.HoldLifted;
import dev.greenlight.events.HoldPlaced;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link StandingHolds} in step with the holds topic, so a hold placed through another
 * instance or before a restart is listed and can be lifted by its owner. Like the waiver view,
 * every instance reads the whole topic in a fresh group under the {@code approval-view-} prefix its
 * Kafka user may join.
 */
@Component
class HoldView {

    private final StandingHolds holds;

    HoldView(StandingHolds holds) {
        this.holds = holds;
    }

    @KafkaListener(topics = "#{T(dev.greenlight.platform.topics.Topics).HOLDS.name()}",
            groupId = "approval-view-holds-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void on(SpecificRecord event) {
        if (event instanceof HoldPlaced placed) {
            holds.record(new StandingHold(placed.getHoldId(), placed.getName(), placed.getTarget(),
                    placed.getReason(), placed.getPlacedBy(), placed.getMeta().getOccurredAt(),
                    placed.getMeta().getEventId()));
        } else if (event instanceof HoldLifted lifted) {
            holds.lift(lifted.getHoldId());
        }
    }
}
