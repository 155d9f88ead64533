package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.AlertTrigger;
import dev.greenlight.policy.model.Comparator;
import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.GuardTrigger;
import dev.greenlight.policy.model.MetricTrigger;
import dev.greenlight.policy.model.Severity;

/**
 * Reads a guard: {@code when} is either {@code {alert: PAGE}} or
 * {@code {metric: m, comparator: <, threshold: 0.8, baseline: b}}.
 */
final class GuardReader {

    private GuardReader() {
    }

    static Guard read(Mapping guard) {
        String name = guard.string("name");
        Mapping when = guard.mapping("when", "when");
        GuardTrigger trigger;
        if (when.has("alert")) {
            trigger = new AlertTrigger(when.enumValue("alert", Severity.class), when.optionalString("alertName").orElse(null));
        } else if (when.has("metric")) {
            trigger = new MetricTrigger(when.string("metric"), comparator(when), when.number("threshold"),
                    CriterionReader.baseline(when));
        } else {
            throw when.fail(when.line(), "a guard triggers on 'alert' or 'metric'");
        }
        when.rejectUnknownKeys();
        GuardAction action = guard.enumValue("action", GuardAction.class);
        var within = guard.optionalDuration("within").orElse(null);
        guard.optionalString("description");
        guard.rejectUnknownKeys();
        return new Guard(name, trigger, action, within);
    }

    static Comparator comparator(Mapping mapping) {
        String symbol = mapping.string("comparator");
        try {
            return Comparator.fromSymbol(symbol.trim());
        } catch (IllegalArgumentException e) {
            throw mapping.failAt("comparator", e.getMessage());
        }
    }
}
