package dev.greenlight.integrations.notifications.domain;

import dev.greenlight.integrations.common.domain.PatternOverlap;
import dev.greenlight.integrations.subscriptions.domain.Subscription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * (occurrence, standing subscriptions) → notifications: every subscription that asked for the
 * occurrence's kind and whose pattern concerns its target, each with a deterministic dedupe key. A
 * subscription id is notified once per occurrence, even when it covers the target with several patterns
 * (a policy's {@code notify:} rule with several targets).
 */
public final class NotificationPlanner {

    private NotificationPlanner() {
    }

    public static List<Notification> plan(Occurrence occurrence, Collection<Subscription> subscriptions) {
        Set<String> notified = new HashSet<>();
        return subscriptions.stream()
                .filter(s -> s.kinds().contains(occurrence.kind()))
                .filter(s -> PatternOverlap.overlaps(s.pattern(), occurrence.target()))
                .sorted(Comparator.comparing(Subscription::id))
                .filter(s -> notified.add(s.id()))
                .map(s -> new Notification(dedupeKey(s.id(), occurrence.id()), s, occurrence))
                .toList();
    }

    /** Lower-case hex SHA-256 of subscription id and occurrence id, first 32 characters. */
    static String dedupeKey(String subscriptionId, String occurrenceId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId + "\n" + occurrenceId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
