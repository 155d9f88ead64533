package dev.greenlight.policy.model;

/** The condition that trips a guard: a metric crossing a bound or an alert firing. */
public sealed interface GuardTrigger permits MetricTrigger, AlertTrigger {

    String describe();
}
