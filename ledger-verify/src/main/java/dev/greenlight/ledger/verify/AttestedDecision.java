package dev.greenlight.ledger.verify;

import java.util.Map;

/**
 * What a verified gate-decision attestation says, read from its signed statement.
 *
 * @param decisionId    the decision's id
 * @param target        the release's target
 * @param version       the release's version
 * @param revision      the release's recorded revision, or null
 * @param stage         the stage the decision gates
 * @param outcome       GO, NO_GO or HOLD
 * @param evaluatedAt   ISO-8601 instant of the evaluation
 * @param subjectName   {@code target@version}
 * @param subjectDigest the subject's digest set
 */
public record AttestedDecision(String decisionId, String target, String version, String revision, String stage,
        String outcome, String evaluatedAt, String subjectName, Map<String, String> subjectDigest) {

    public AttestedDecision {
        subjectDigest = Map.copyOf(subjectDigest);
    }

    /** {@code GO target@version at stage}, for messages. */
    public String summary() {
        return outcome + " " + subjectName + " at " + stage + " (decision " + decisionId + ", evaluated "
                + evaluatedAt + ")";
    }
}
