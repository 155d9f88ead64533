package dev.greenlight.approval.waiver.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The waivers recorded so far, rebuilt from the approvals topic. Applying the same fact twice
 * changes nothing, so a redelivered event and the service's own write-through of what it just
 * published can both be applied.
 */
public final class GrantedWaivers {

    private final Map<String, GrantedWaiver> byId = new HashMap<>();

    public synchronized void record(GrantedWaiver waiver) {
        byId.putIfAbsent(waiver.waiverId(), waiver);
    }

    /** Marks a waiver withdrawn; unknown ids are ignored. */
    public synchronized void revoke(String waiverId) {
        byId.computeIfPresent(waiverId, (id, waiver) -> waiver.revoke());
    }

    public synchronized Optional<GrantedWaiver> byId(String waiverId) {
        return Optional.ofNullable(byId.get(waiverId));
    }
}
