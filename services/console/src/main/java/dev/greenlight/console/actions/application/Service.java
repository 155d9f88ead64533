package dev.greenlight.console.actions.application;

/** The services whose APIs the console calls on a person's behalf. */
public enum Service { CHECK_INGEST, APPROVAL, GATE_EVALUATOR, ROLLOUT_CONTROLLER, AUDIT_LEDGER, INTEGRATIONS }
