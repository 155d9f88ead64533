package dev.greenlight.integrations.notifications.web;

import dev.greenlight.integrations.notifications.application.Deliveries;
import dev.greenlight.integrations.notifications.application.DeliveryFailure;
import dev.greenlight.platform.security.Actor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notifications this instance gave up on, newest first (at most 100; hosts only, never URLs), for
 * operators and the console; the counters {@code greenlight.notifications.*} carry the totals. Any
 * authenticated caller.
 */
@RestController
class DeliveryFailuresController {

    private final Deliveries deliveries;

    DeliveryFailuresController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/api/v1/deliveries/failures")
    List<DeliveryFailure> failures(Actor actor) {
        return deliveries.recentFailures();
    }
}
