package dev.greenlight.ledger.cdevents.application;

import java.time.Instant;
import java.util.Map;

/**
 * One CDEvent ready to be carried in a CloudEvent: the CloudEvents attributes it maps to (the CDEvents
 * binding: {@code id}, {@code source}, {@code type} and {@code time} equal the CDEvent context's
 * fields, {@code subject} the CDEvent subject's id) and the CDEvent document itself ({@code context},
 * {@code subject}, {@code customData}) as the event's JSON data.
 *
 * @param key the Kafka record key: the release target, so one target's events stay in order
 */
public record CdEvent(String id, String source, String type, String subject, Instant time, String key,
                      Map<String, Object> document) {
}
