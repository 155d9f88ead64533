package dev.greenlight.gate.policy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gate keeps trying to announce its policies at start-up
 * ({@code greenlight.policies.announce.*}). On a loaded machine the broker may not yet have the
 * policies topic in its metadata when the gate starts (the producer gives up after its
 * {@code max.block.ms}, 5 s); failing the start-up for that only makes the orchestrator start the
 * whole service again, so the gate retries with a doubling pause instead, and fails the start-up
 * only once the bound is spent.
 *
 * @param firstBackoff the pause after the first failed attempt; doubled after each further failure
 * @param maxBackoff   the longest pause between two attempts
 * @param giveUpAfter  no attempt starts later than this after the first: the start-up then fails
 */
@ConfigurationProperties("greenlight.policies.announce")
record PolicyAnnouncementProperties(@DefaultValue("500ms") Duration firstBackoff,
                                    @DefaultValue("15s") Duration maxBackoff,
                                    @DefaultValue("5m") Duration giveUpAfter) {
}
