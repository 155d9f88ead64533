package dev.greenlight.policy.engine;

/**
 * Who a decision rests on, by identity: a person whose approval, rejection or waiver a criterion of
 * the decision counted, or the automatic evaluator for the criteria it judged from machine evidence
 * under the named policy. The RL playbook's decision record asks for "decision maker"; naming only
 * the people whose verdicts were counted (not everyone who ever commented) keeps it honest.
 *
 * @param who        the approver, waiver grantor or {@value #EVALUATOR}
 * @param role       the role they acted in ({@value #AUTOMATIC} for the evaluator)
 * @param basis      what they decided, e.g. "approved human-review", "waived cost-spike: rationale",
 *                   or for the evaluator the policy and criteria it judged
 * @param evidenceId the approval or waiver event it comes from; null for the evaluator
 */
public record DecisionMaker(String who, String role, String basis, String evidenceId) {

    /** The automatic decision maker. */
    public static final String EVALUATOR = "gate-evaluator";
    /** The evaluator's role. */
    public static final String AUTOMATIC = "automatic evaluator";
}
