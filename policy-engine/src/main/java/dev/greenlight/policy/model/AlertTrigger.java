package dev.greenlight.policy.model;

/** Trips when an alert of this severity (optionally with this alert name) fires. */
public record AlertTrigger(Severity severity, String alertName) implements GuardTrigger {

    @Override
    public String describe() {
        return severity + " alert" + (alertName == null ? "" : " " + alertName) + " firing";
    }
}
