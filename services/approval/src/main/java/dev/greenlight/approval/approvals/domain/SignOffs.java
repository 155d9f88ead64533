package dev.greenlight.approval.approvals.domain;

import dev.greenlight.identity.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdicts recorded so far, rebuilt from the approvals topic. Applying the same fact twice
 * changes nothing, so a redelivered event and the service's own write-through of what it just
 * published can both be applied safely.
 */
public final class SignOffs {

    private final Map<String, SignOff> byId = new LinkedHashMap<>();

    public synchronized void record(SignOff signOff) {
        byId.putIfAbsent(signOff.approvalId(), signOff);
    }

    /** Marks a verdict withdrawn; unknown ids are ignored (the topic may hold revokes of foreign ids). */
    public synchronized void revoke(String approvalId) {
        byId.computeIfPresent(approvalId, (id, signOff) -> signOff.revoke());
    }

    public synchronized Optional<SignOff> byId(String approvalId) {
        return Optional.ofNullable(byId.get(approvalId));
    }

    /**
     * The approver's latest verdict in a role that still stands (not revoked). A repeated request
     * with that same verdict is the same sign-off and counts once.
     */
    public synchronized Optional<SignOff> standing(String target, String version, String role, String approver) {
        List<SignOff> matching = new ArrayList<>();
        for (SignOff signOff : byId.values()) {
            if (signOff.target().equals(target) && signOff.version().equals(version) && signOff.role().equals(role)
                    && Identity.same(signOff.approver(), approver) && !signOff.revoked()) {
                matching.add(signOff);
            }
        }
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }
}
