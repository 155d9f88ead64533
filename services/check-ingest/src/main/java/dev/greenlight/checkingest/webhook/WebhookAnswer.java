package dev.greenlight.checkingest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a webhook delivery led to: the ids of the events stored, and why (parts of) it were ignored.
 * Senders only look at the status code; the body is for whoever inspects a delivery's log.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WebhookAnswer(List<String> published, String ignored, List<String> skipped) {

    public static WebhookAnswer ignored(String reason) {
        return new WebhookAnswer(List.of(), reason, List.of());
    }
}
