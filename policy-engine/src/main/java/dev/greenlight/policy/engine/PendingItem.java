package dev.greenlight.policy.engine;

import java.time.Instant;
import java.util.List;

/**
 * One thing a HOLD waits for: a blocking criterion that is not met yet, what it waits for in words,
 * and for an approval the roles whose seats are still open — so the trading runbook's
 * "HOLD pending: ____" is filled from the decision itself.
 *
 * @param criterion  the criterion's name
 * @param kind       its kind, as in {@code missing}
 * @param waitingFor the criterion's reason, e.g. "missing approval: founder"
 * @param roles      approval roles that can still fill an open seat; empty for other kinds
 * @param until      when it can change by time alone (a window ending), null if only evidence can
 */
public record PendingItem(String criterion, String kind, String waitingFor, List<String> roles,
                          Instant until) {

    public PendingItem {
        roles = List.copyOf(roles);
    }
}
