package dev.greenlight.checkingest.webhook.github;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.application.Releases;
import dev.greenlight.checkingest.evidence.application.ReportChecks;
import dev.greenlight.checkingest.evidence.domain.CheckReport;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.release.domain.SemanticVersion;
import dev.greenlight.checkingest.webhook.WebhookAnswer;
import dev.greenlight.events.CheckReported;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.security.Actor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns GitHub {@code check_run} and {@code workflow_run} deliveries with action {@code completed}
 * into check results for every registered release built from the run's {@code head_sha}.
 *
 * <p>Names are normalised to Greenlight's check-name form (lower case, anything else than letters,
 * digits and ':' becomes '-'), so a job named "Unit Tests" is the check {@code unit-tests}. The
 * event id is {@code github:<X-GitHub-Delivery>} — GitHub re-sends a failed delivery with the same
 * id, so a redelivery is counted once; when one commit matches several releases each gets
 * {@code github:<delivery>:<target>@<version>}.
 */
@Service
public class GithubDeliveries {

    /** GitHub deliveries are authenticated by signature, not by a user: recorded under this principal. */
    static final Actor GITHUB = new Actor("github", Set.of("publisher"), List.of("*"));

    private final GithubSignature signature;
    private final Releases releases;
    private final ReportChecks reportChecks;
    private final JsonMapper json = JsonMapper.builder().build();

    GithubDeliveries(@Value("${greenlight.github.webhook-secret:}") String secret, Releases releases,
            ReportChecks reportChecks) {
        this.signature = new GithubSignature(secret);
        this.releases = releases;
        this.reportChecks = reportChecks;
    }

    public WebhookAnswer receive(String event, String deliveryId, String signatureHeader, byte[] body) {
        signature.verify(body, signatureHeader);
        if (!"check_run".equals(event) && !"workflow_run".equals(event)) {
            return WebhookAnswer.ignored("event '" + event + "' carries no check result");
        }
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new InvalidFieldException("X-GitHub-Delivery", "header is required: it is the delivery's idempotency key");
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidFieldException("body", "is not JSON: " + e.getOriginalMessage());
        }
        // A signed body that is not a GitHub payload (an array, a number, a field of the wrong type)
        // is refused naming what is wrong, not acknowledged as "ignored".
        if (payload == null || !payload.isObject()) {
            throw new InvalidFieldException("body", "must be a JSON object: a GitHub webhook payload");
        }
        if (payload.has("action") && !payload.get("action").isString()) {
            throw new InvalidFieldException("action", "must be a string");
        }
        if (payload.has(event) && !payload.get(event).isObject()) {
            throw new InvalidFieldException(event, "must be an object");
        }
        String action = payload.path("action").asString("");
        if (!"completed".equals(action)) {
            return WebhookAnswer.ignored(event + " action '" + action + "' is not a completed run");
        }
        JsonNode run = payload.path(event);
        String sha = run.path("head_sha").asString("").toLowerCase(Locale.ROOT);
        List<ReleaseRegistered> matches = releases.findByRevision(sha);
        if (matches.isEmpty()) {
            return WebhookAnswer.ignored("no registered release is built from revision " + sha);
        }
        List<CheckReport> checks = matches.stream()
                .map(release -> check(event, run, release,
                        matches.size() == 1 ? "github:" + deliveryId
                                : "github:" + deliveryId + ":" + release.getTarget() + "@" + release.getVersion()))
                .toList();
        List<CheckReported> stored = reportChecks.report(new Batch<>(checks, false), GITHUB, "github");
        return new WebhookAnswer(stored.stream().map(c -> c.getMeta().getEventId()).toList(), null, List.of());
    }

    private static CheckReport check(String event, JsonNode run, ReleaseRegistered release, String eventId) {
        boolean checkRun = "check_run".equals(event);
        Instant started = instant(run, checkRun ? "started_at" : "run_started_at");
        Instant completed = instant(run, checkRun ? "completed_at" : "updated_at");
        Optional<String> summary = Optional.ofNullable(text(checkRun ? run.path("output").path("title")
                : run.path("display_title")));
        return new CheckReport(release.getTarget(), SemanticVersion.parse(release.getVersion()),
                checkName(run.path("name").asString("")), GithubConclusions.status(run.path("conclusion").asString(null)),
                run.path("head_sha").asString("").toLowerCase(Locale.ROOT), started,
                completed == null ? started : completed, Optional.ofNullable(text(run.path("html_url"))), summary,
                Map.of(), Optional.of(eventId));
    }

    static String checkName(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9:]+", "-")
                .replaceAll("-*:-*", ":").replaceAll("^[-:]+|[-:]+$", "");
        return normalised.isEmpty() ? "github-run" : normalised;
    }

    private static Instant instant(JsonNode run, String field) {
        String text = text(run.path(field));
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
