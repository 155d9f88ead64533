package dev.greenlight.policy.evidence;

import java.time.Instant;

/** An on-call engineer covering [windowStart, windowEnd). */
public record OnCallAck(String id, String engineer, Instant windowStart, Instant windowEnd) implements EvidenceItem {

    public boolean covers(Instant at) {
        return !windowStart.isAfter(at) && windowEnd.isAfter(at);
    }
}
