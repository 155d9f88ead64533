package dev.greenlight.integrations.notifications.domain;

import dev.greenlight.integrations.common.domain.HmacSha256;
import dev.greenlight.integrations.subscriptions.domain.Channel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each channel's documented payload for a notification:
 * <ul>
 *   <li>SLACK — an incoming-webhook message: {@code text} (the fallback shown in notifications) and
 *       Block Kit {@code blocks}: a header, a mrkdwn section, the facts as section fields, a context
 *       line and a button to the console;</li>
 *   <li>TEAMS — a workflow-webhook message: {@code {"type":"message","attachments":[{"contentType":
 *       "application/vnd.microsoft.card.adaptive","content":<AdaptiveCard 1.4>}]}} with a title, the
 *       text, a FactSet and an {@code Action.OpenUrl} to the console;</li>
 *   <li>WEBHOOK — Greenlight's JSON, signed: {@code X-Greenlight-Signature-256: sha256=<hex HMAC-SHA256
 *       of the body under the subscription's secret>} (GitHub's scheme).</li>
 * </ul>
 * Every request carries {@code X-Greenlight-Delivery} (the dedupe key) and {@code X-Greenlight-Event}.
 */
public final class Renderers {

    /** The signature header of generic webhooks. */
    public static final String SIGNATURE_HEADER = "X-Greenlight-Signature-256";
    /** The dedupe key header. */
    public static final String DELIVERY_HEADER = "X-Greenlight-Delivery";
    /** The kind header. */
    public static final String EVENT_HEADER = "X-Greenlight-Event";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Renderers() {
    }

    public static Rendered render(Notification notification, ConsoleLinks links) {
        Occurrence o = notification.occurrence();
        String link = links.release(o.target(), o.version());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(DELIVERY_HEADER, notification.dedupeKey());
        headers.put(EVENT_HEADER, o.kind().name());
        String body = switch (notification.subscription().channel()) {
            case SLACK -> slack(o, link);
            case TEAMS -> teams(o, link);
            case WEBHOOK -> webhook(notification, link);
        };
        if (notification.subscription().channel() == Channel.WEBHOOK) {
            headers.put(SIGNATURE_HEADER, HmacSha256.header(notification.subscription().endpoint().secret(),
                    body.getBytes(StandardCharsets.UTF_8)));
        }
        return new Rendered(body, headers);
    }

    static String slack(Occurrence o, String link) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", o.title() + " — " + o.text());
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", truncate(o.title(), 150));
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", truncate(escapeSlack(o.text()), 3000));
        if (!o.facts().isEmpty()) {
            ObjectNode fields = blocks.addObject();
            fields.put("type", "section");
            ArrayNode list = fields.putArray("fields");
            for (Fact fact : o.facts().subList(0, Math.min(10, o.facts().size()))) {
                list.addObject().put("type", "mrkdwn")
                        .put("text", truncate("*" + escapeSlack(fact.name()) + "*\n" + escapeSlack(fact.value()), 2000));
            }
        }
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "Greenlight · " + o.kind().name() + " · " + o.at());
        ObjectNode actions = blocks.addObject();
        actions.put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject();
        button.put("type", "button");
        button.putObject("text").put("type", "plain_text").put("text", "Open in Greenlight");
        button.put("url", link);
        return JSON.writeValueAsString(message);
    }

    static String teams(Occurrence o, String link) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", o.title()).put("weight", "Bolder").put("size", "Medium")
                .put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", o.text()).put("wrap", true);
        if (!o.facts().isEmpty()) {
            ObjectNode factSet = body.addObject();
            factSet.put("type", "FactSet");
            ArrayNode facts = factSet.putArray("facts");
            for (Fact fact : o.facts()) {
                facts.addObject().put("title", fact.name()).put("value", fact.value());
            }
        }
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in Greenlight")
                .put("url", link);
        return JSON.writeValueAsString(message);
    }

    static String webhook(Notification n, String link) {
        Occurrence o = n.occurrence();
        ObjectNode body = JSON.createObjectNode();
        body.put("id", n.dedupeKey());
        body.put("kind", o.kind().name());
        body.put("subscriptionId", n.subscription().id());
        body.put("target", o.target());
        body.put("version", o.version());
        body.put("stage", o.stage());
        body.put("title", o.title());
        body.put("text", o.text());
        ObjectNode facts = body.putObject("facts");
        o.facts().forEach(fact -> facts.put(fact.name(), fact.value()));
        body.put("occurredAt", o.at().toString());
        body.put("url", link);
        return JSON.writeValueAsString(body);
    }

    private static String escapeSlack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
