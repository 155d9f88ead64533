package dev.greenlight.ledger.metrics.web;

import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.metrics.application.LedgerMetrics;
import dev.greenlight.ledger.metrics.domain.MetricsReport;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operations guide's release metrics, computed from the ledger: release frequency, lead time,
 * rollbacks and their reasons, post-release incidents, for one target or all, over a period.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class MetricsController {

    private final IndexedLedger ledger;
    private final LedgerMetrics metrics;

    MetricsController(IndexedLedger ledger, LedgerMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @GetMapping("/metrics")
    MetricsReport metrics(@RequestParam(required = false) String target, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to must not be before from");
        }
        // Everything committed before the request is in the answer, as with the other ledger queries.
        ledger.catchUp();
        return metrics.report(target == null || target.isBlank() ? null : target, from, to);
    }
}
