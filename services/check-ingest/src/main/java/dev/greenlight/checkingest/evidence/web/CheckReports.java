package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.domain.CheckReport;
import dev.greenlight.events.CheckStatus;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a {@code POST /api/v1/checks} body — one check or an array of them — in one place
 * for both paths that read it ({@link EvidenceServlet}, {@link CheckController}): same fields, same
 * order of checks, same field names in a refusal.
 */
final class CheckReports {

    private CheckReports() {
    }

    static Batch<CheckReport> read(JsonNode body, int maxItems) {
        return Items.read(body, maxItems, CheckReports::check);
    }

    private static CheckReport check(JsonFields item) {
        return new CheckReport(item.text("target"), item.version("version"), item.text("name"),
                item.enumValue("status", CheckStatus.class), item.text("revision"), item.instant("startedAt"),
                item.instant("completedAt"), item.optionalText("url"), item.optionalText("summary"),
                item.details("details"), item.optionalText("eventId"));
    }
}
