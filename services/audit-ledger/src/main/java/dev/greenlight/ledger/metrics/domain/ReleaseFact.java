package dev.greenlight.ledger.metrics.domain;

import java.time.Instant;

/**
 * The few facts about a release that the release metrics are made of, as read from the ledger. Kept
 * free of Avro so the definitions (docs/ledger.md, "Release metrics") can be read and tested alone.
 * Every fact carries the id of the event it came from: an event recorded twice counts once.
 */
public sealed interface ReleaseFact {

    String eventId();

    String target();

    Instant at();

    /** {@code ReleaseRegistered}: the release exists from now on; lead time starts here. */
    record Registered(String eventId, String target, String version, Instant at) implements ReleaseFact {
    }

    /**
     * The version got a traffic share. {@code confirmed} when the deployer reported it applied
     * ({@code DeploymentApplied} of the step's command) or the step completed ({@code RolloutStepCompleted});
     * a started step ({@code RolloutStepStarted}) only exposes the version, it cannot make it live.
     */
    record TrafficShifted(String eventId, String target, String version, int trafficPercent, Instant at,
            boolean confirmed) implements ReleaseFact {
    }

    /** {@code RolloutCompleted}: the final stage of the rollout soaked; the version is the stable one. */
    record RolloutFinished(String eventId, String target, String version, int trafficPercent, Instant at)
            implements ReleaseFact {
    }

    /**
     * {@code RollbackTriggered}: a guard stopped the rollout.
     *
     * @param action PAUSE, ROLLBACK or KILL
     * @param guard  the breached guard's name: the rollback's reason, with bounded cardinality
     */
    record RolledBack(String eventId, String target, String version, String action, String guard, Instant at)
            implements ReleaseFact {

        /** Whether traffic was taken away from the version (a pause leaves it where it is). */
        boolean stopsExposure() {
            return !"PAUSE".equals(action);
        }
    }

    /** {@code AlertFired} with severity PAGE; {@code at} is when the alert condition began. */
    record PageAlert(String eventId, String target, String fingerprint, Instant at) implements ReleaseFact {
    }
}
