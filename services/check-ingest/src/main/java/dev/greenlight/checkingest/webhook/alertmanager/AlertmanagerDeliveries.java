package dev.greenlight.checkingest.webhook.alertmanager;

import dev.greenlight.checkingest.evidence.application.EvidenceEvents;
import dev.greenlight.checkingest.evidence.application.PublisherScope;
import dev.greenlight.checkingest.release.application.NotPermittedException;
import dev.greenlight.checkingest.release.domain.Identifiers;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.webhook.WebhookAnswer;
import dev.greenlight.events.AlertFired;
import dev.greenlight.events.AlertResolved;
import dev.greenlight.events.AlertSeverity;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager webhook notifications (payload version 4) as alert events: one AlertFired per
 * firing alert, one AlertResolved per resolved alert (Alertmanager must be configured with
 * {@code send_resolved: true}, or alerts never end in Greenlight).
 *
 * <p>Severity comes from the {@code severity} label: {@code page}/{@code critical} → PAGE,
 * {@code warning} → WARNING, {@code info}, {@code none}, missing or anything else → INFO (an
 * unknown severity must not block releases by itself). The target comes from a configurable label
 * ({@code greenlight.alertmanager.target-label}, default {@code service}); an alert without it, or
 * with a value that is no valid target, is skipped and listed in the answer. The event id is
 * {@code fingerprint:status:startsAt}: Alertmanager re-notifies the same firing alert at every
 * repeat interval, and those repeats must count once.
 */
@Service
public class AlertmanagerDeliveries {

    /** Alertmanager's "no end time" value. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final EvidenceEvents events;
    private final Clock clock;
    private final String targetLabel;
    private final String integrationRole;

    AlertmanagerDeliveries(EvidenceEvents events, Clock clock,
            @Value("${greenlight.alertmanager.target-label:service}") String targetLabel,
            @Value("${greenlight.alertmanager.role:alertmanager}") String integrationRole) {
        this.events = events;
        this.clock = clock;
        this.targetLabel = targetLabel;
        this.integrationRole = integrationRole;
    }

    /**
     * Only the Alertmanager integration principal (role {@code greenlight.alertmanager.role}) may
     * fire or resolve alerts: a page rolls releases back, so an ordinary CI publisher token must not
     * be able to raise or clear one. Checked before the payload is even read.
     */
    public WebhookAnswer receive(JsonNode payload, Actor actor) {
        if (!actor.hasRole(integrationRole)) {
            throw new NotPermittedException(actor.name() + " may not deliver Alertmanager notifications: only an"
                    + " integration principal with role '" + integrationRole + "' may fire or resolve alerts");
        }
        if (payload == null || !payload.isObject()) {
            throw new InvalidFieldException("body", "must be an Alertmanager webhook JSON object");
        }
        String version = payload.path("version").asString("");
        if (!"4".equals(version)) {
            throw new InvalidFieldException("version", "must be \"4\" (Alertmanager webhook payload version) but was '"
                    + version + "'");
        }
        JsonNode alerts = payload.path("alerts");
        if (!alerts.isArray()) {
            throw new InvalidFieldException("alerts", "must be an array");
        }
        List<SpecificRecord> stored = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            try {
                JsonNode alert = alerts.get(i);
                Map<String, String> labels = strings(alert.path("labels"));
                String target = labels.get(targetLabel);
                String fingerprint = alert.path("fingerprint").asString("");
                if (!Identifiers.isTarget(target)) {
                    skipped.add(fingerprint + ": no valid '" + targetLabel + "' label");
                    continue;
                }
                PublisherScope.require(actor, target);
                stored.add(event(alert, labels, target, fingerprint, actor));
            } catch (InvalidFieldException e) {
                throw e.within("alerts[" + i + "].");
            }
        }
        events.publishAlerts(stored);
        return new WebhookAnswer(stored.stream().map(AlertmanagerDeliveries::eventId).toList(), null, skipped);
    }

    private SpecificRecord event(JsonNode alert, Map<String, String> labels, String target, String fingerprint,
            Actor actor) {
        if (fingerprint.isBlank()) {
            throw new InvalidFieldException("fingerprint", "is required");
        }
        String status = alert.path("status").asString("");
        Instant startsAt = instant(alert, "startsAt");
        Instant endsAt = instant(alert, "endsAt");
        Map<String, String> annotations = strings(alert.path("annotations"));
        String alertName = labels.getOrDefault("alertname", "unnamed");
        AlertSeverity severity = severity(labels.get("severity"));
        EventMetadata.Builder meta = EventMetadata.newBuilder()
                .setEventId(fingerprint + ":" + status + ":" + startsAt)
                .setPrincipal(actor.name());
        return switch (status) {
            case "firing" -> AlertFired.newBuilder()
                    .setMeta(meta.setOccurredAt(startsAt).build())
                    .setTarget(target).setFingerprint(fingerprint).setAlertName(alertName).setSeverity(severity)
                    .setLabels(labels).setAnnotations(annotations).setStartsAt(startsAt).setEndsAt(endsAt)
                    .build();
            case "resolved" -> {
                Instant end = endsAt == null ? clock.instant() : endsAt;
                yield AlertResolved.newBuilder()
                        .setMeta(meta.setOccurredAt(end).build())
                        .setTarget(target).setFingerprint(fingerprint).setAlertName(alertName).setSeverity(severity)
                        .setLabels(labels).setAnnotations(annotations).setStartsAt(startsAt)
                        .setEndsAt(end.isBefore(startsAt) ? startsAt : end)
                        .build();
            }
            default -> throw new InvalidFieldException("status", "must be firing or resolved but was '" + status + "'");
        };
    }

    static AlertSeverity severity(String label) {
        return switch (label == null ? "" : label.toLowerCase(Locale.ROOT)) {
            case "page", "critical" -> AlertSeverity.PAGE;
            case "warning" -> AlertSeverity.WARNING;
            default -> AlertSeverity.INFO;
        };
    }

    private static Instant instant(JsonNode alert, String field) {
        JsonNode value = alert.path(field);
        if (!value.isString()) {
            if ("startsAt".equals(field)) {
                throw new InvalidFieldException(field, "is required");
            }
            return null;
        }
        try {
            Instant at = Instant.parse(value.asString());
            return at.equals(ZERO_TIME) ? null : at;
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be an RFC 3339 timestamp but was '" + value.asString() + "'");
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new LinkedHashMap<>();
        object.properties().forEach(e -> strings.put(e.getKey(), e.getValue().asString("")));
        return strings;
    }

    private static String eventId(SpecificRecord event) {
        return event instanceof AlertFired fired ? fired.getMeta().getEventId()
                : ((AlertResolved) event).getMeta().getEventId();
    }
}
