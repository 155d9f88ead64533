package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.application.ReportMetrics;
import dev.greenlight.checkingest.evidence.domain.MetricSample;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metric samples from monitors and jobs: one object, or an array of them (read by
 * {@link MetricSamplesConverter}). Served by {@link EvidenceServlet} unless
 * {@code greenlight.ingest.evidence-servlet=false}; this mapping still declares the endpoint to the
 * API description and is the Spring MVC path the load benchmarks compare the servlet with.
 */
@RestController
@RequestMapping("/api/v1/metrics")
class MetricController {

    private final ReportMetrics reportMetrics;

    MetricController(ReportMetrics reportMetrics) {
        this.reportMetrics = reportMetrics;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StoredEvents report(@RequestBody MetricSamples samples, Actor actor) {
        Batch<MetricSample> batch = samples.batch();
        // Answered once the broker acknowledged every event (or 503 when it did not), in this dispatch.
        return Acknowledged.await(reportMetrics.report(batch, actor).thenApply(stored ->
                new StoredEvents(stored.size(), stored.stream().map(m -> m.getMeta().getEventId()).toList())));
    }
}
