package dev.greenlight.gate.integration.domain;

import dev.greenlight.identity.TargetPattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What says "roll this version back" for a Flagger {@code rollback} webhook: a kill switch standing
 * on the target (its own, or an org-wide one whose pattern covers it), or the rollout-controller
 * having rolled the version back — a guard tripped with ROLLBACK or KILL, or a person aborted it.
 * A PAUSE guard holds the rollout but does not roll it back, so it does not count.
 *
 * <p>A fold of the kill-switch, kill-switch-pattern and rollout events in the order each topic
 * keeps them; pure, so it is tested in memory and fed by a thin Kafka adapter. Not thread-safe:
 * the adapter serialises access.
 */
public final class RollbackSignals {

    private final Map<String, String> killSwitches = new LinkedHashMap<>();
    private final Map<String, String> patternKillSwitches = new LinkedHashMap<>();
    private final Map<String, String> rolledBack = new LinkedHashMap<>();

    /** A kill switch on one target flipped; {@code reason} is kept while it is on. */
    public void killSwitch(String target, boolean active, String reason) {
        flip(killSwitches, target, active, reason);
    }

    /** The org-wide kill switch of a target pattern flipped. */
    public void patternKillSwitch(String pattern, boolean active, String reason) {
        flip(patternKillSwitches, pattern, active, reason);
    }

    /** The rollout-controller rolled {@code target@version} back (guard ROLLBACK/KILL, or an abort). */
    public void rolledBack(String target, String version, String reason) {
        rolledBack.putIfAbsent(target + "@" + version, reason);
    }

    /** Why {@code target@version} must be rolled back; empty when nothing says so. */
    public Optional<String> rollbackReason(String target, String version) {
        String own = killSwitches.get(target);
        if (own != null) {
            return Optional.of("kill switch on " + target + ": " + own);
        }
        for (Map.Entry<String, String> pattern : patternKillSwitches.entrySet()) {
            if (TargetPattern.problem(pattern.getKey()).isEmpty() && new TargetPattern(pattern.getKey()).covers(target)) {
                return Optional.of("org-wide kill switch " + pattern.getKey() + ": " + pattern.getValue());
            }
        }
        return Optional.ofNullable(rolledBack.get(target + "@" + version)).map(reason -> "rolled back: " + reason);
    }

    private static void flip(Map<String, String> switches, String key, boolean active, String reason) {
        if (active) {
            switches.put(key, reason);
        } else {
            switches.remove(key);
        }
    }
}
