package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Hold;
import java.util.Comparator;
import java.util.List;

/**
 * Named holds as decision criteria: every hold standing over the release adds a blocking PENDING
 * result of kind {@value #KIND}, named after the hold, so the stage is HOLD (never GO; a NO-GO stays
 * NO-GO) and the decision names each hold it is under — in its criteria, in {@code missing} as
 * {@code hold:<name>} and in its evidence ids. A hold is not a policy criterion: no policy can
 * leave it out and no waiver applies to it; only lifting it (which removes it from the evidence)
 * lets the stage go on. Holds follow the policy's criteria in hold-name order (then id), so the
 * result does not depend on the order they were placed in.
 */
final class Holds {

    static final String KIND = "hold";

    private Holds() {
    }

    static List<CriterionResult> results(Evidence evidence) {
        String target = evidence.release().target();
        return evidence.holds().stream()
                .sorted(Comparator.comparing(Hold::name).thenComparing(Hold::id))
                .map(hold -> new CriterionResult(hold.name(), KIND, CriterionStatus.PENDING, true,
                        "held by " + hold.placedBy() + " since " + hold.placedAt(),
                        "no hold covers " + target,
                        "hold '" + hold.name() + "' on " + hold.scope() + " by " + hold.placedBy() + ": "
                                + hold.reason(),
                        List.of(hold.id()), null))
                .toList();
    }
}
