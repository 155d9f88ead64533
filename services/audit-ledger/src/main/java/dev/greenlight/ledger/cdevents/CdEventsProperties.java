package dev.greenlight.ledger.cdevents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of CDEvents out ({@code greenlight.cdevents.*}).
 *
 * @param enabled    publish CDEvents at all
 * @param gateUrl    where the gate-evaluator's API is reached; the approval events link to it
 * @param httpSink   optional URL each CloudEvent is also POSTed to (structured HTTP binding); empty: none
 * @param timeout    how long the broker's acknowledgement or the sink's answer may take before a retry
 */
@ConfigurationProperties("greenlight.cdevents")
public record CdEventsProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("http://localhost:8183") String gateUrl,
                                 String httpSink,
                                 @DefaultValue("10s") Duration timeout) {
}
