package dev.greenlight.integrations.github.domain;

import dev.greenlight.integrations.notifications.domain.DecisionFacts;
import java.util.Optional;

/**
 * The answer to a deployment protection rule, from the stage's decision: {@code approved} on GO,
 * {@code rejected} on NO-GO, none yet on HOLD (GitHub keeps waiting). The comment names the decision
 * and every criterion with its status, and for a NO-GO the failing ones with their reasons.
 *
 * @param state   approved or rejected
 * @param comment what people read on the deployment
 */
public record ProtectionReview(String state, String comment) {

    public static Optional<ProtectionReview> of(DecisionFacts d, String link) {
        String release = d.target() + " " + d.version() + " " + d.stage();
        String criteria = String.join(", ", d.criteria());
        return switch (d.outcome()) {
            case "GO" -> Optional.of(new ProtectionReview("approved", "Greenlight GO for " + release
                    + ". Criteria: " + criteria + ". Decision " + d.decisionId() + ": " + link));
            case "NO_GO" -> Optional.of(new ProtectionReview("rejected", "Greenlight NO-GO for " + release
                    + ". Failing: " + String.join("; ", d.failing()) + ". Criteria: " + criteria + ". Decision "
                    + d.decisionId() + ": " + link));
            default -> Optional.empty();
        };
    }
}
