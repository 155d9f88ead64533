package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.application.IngestProperties;
import dev.greenlight.checkingest.evidence.application.ReportChecks;
import dev.greenlight.checkingest.evidence.domain.CheckReport;
import dev.greenlight.events.CheckReported;
import dev.greenlight.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Check results from CI pipelines and other machines: one object, or an array of them. Served by
 * {@link EvidenceServlet} unless {@code greenlight.ingest.evidence-servlet=false}; this mapping still
 * declares the endpoint to the API description and is the Spring MVC path the load benchmarks
 * compare the servlet with.
 */
@RestController
@RequestMapping("/api/v1/checks")
class CheckController {

    private final ReportChecks reportChecks;
    private final IngestProperties properties;

    CheckController(ReportChecks reportChecks, IngestProperties properties) {
        this.reportChecks = reportChecks;
        this.properties = properties;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StoredEvents report(@RequestBody JsonNode body, Actor actor) {
        Batch<CheckReport> batch = CheckReports.read(body, properties.maxBatchSize());
        // Answered once the broker acknowledged every event (or 503 when it did not), in this dispatch.
        return Acknowledged.await(reportChecks.report(batch, actor).thenApply(stored ->
                new StoredEvents(stored.size(), stored.stream().map(c -> c.getMeta().getEventId()).toList())));
    }
}
