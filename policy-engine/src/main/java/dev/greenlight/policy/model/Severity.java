package dev.greenlight.policy.model;

/** Alert urgency, mirrored from the event schema so the engine needs no Avro types. */
public enum Severity {
    PAGE, WARNING, INFO
}
