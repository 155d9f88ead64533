package dev.greenlight.ledger.attestation.domain;

/**
 * One criterion of a recorded decision, as far as the attestation summarises it.
 *
 * @param name     criterion name from the policy
 * @param kind     kind of evidence it evaluates
 * @param status   PASS, WARN, FAIL, PENDING or WAIVED
 * @param blocking whether it can prevent GO
 */
public record CriterionFacts(String name, String kind, String status, boolean blocking) {
}
