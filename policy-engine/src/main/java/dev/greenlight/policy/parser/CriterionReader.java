package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.Baseline;
import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.CriterionCommon;
import dev.greenlight.policy.model.Defaults;
import dev.greenlight.policy.model.DependencyCriterion;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.OnCallCriterion;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Severity;
import dev.greenlight.policy.model.VersionCriterion;
import dev.greenlight.policy.model.WindowCriterion;
import java.util.List;
import java.util.Set;

/**
 * Reads one criterion: the common keys, then the keys of its kind. The set of kinds here, the
 * sealed {@link Criterion} interface and policy.schema.json must agree.
 */
final class CriterionReader {

    /** Kind names as written in policies, in the order the docs present them. */
    static final List<String> KINDS =
            List.of("check", "alerts", "metric", "approval", "window", "dependency", "version", "onCall");

    private final Defaults defaults;

    CriterionReader(Defaults defaults) {
        this.defaults = defaults;
    }

    Criterion read(Mapping m) {
        String kind = m.string("kind");
        CriterionCommon common = new CriterionCommon(m.string("name"), m.bool("blocking", true),
                Set.copyOf(m.strings("waivableBy")), m.enums("appliesTo", ReleaseType.class));
        m.optionalString("description");
        Criterion criterion = switch (kind) {
            case "check" -> check(m, common);
            case "alerts" -> alerts(m, common);
            case "metric" -> metric(m, common);
            case "approval" -> approval(m, common);
            case "window" -> window(m, common);
            case "dependency" -> new DependencyCriterion(common, m.string("item"));
            case "version" -> new VersionCriterion(common, m.bool("preReleaseAllowed", true),
                    m.optionalString("majorRequiresRole").orElse(null), Set.copyOf(m.strings("releaseTags")));
            case "onCall" -> new OnCallCriterion(common, m.optionalDuration("coverFor").orElse(null));
            default -> throw m.failAt("kind", "unknown criterion kind '" + kind + "' (expected one of "
                    + String.join(", ", KINDS) + ")");
        };
        m.rejectUnknownKeys();
        return criterion;
    }

    private static CheckCriterion check(Mapping m, CriterionCommon common) {
        int consecutive = m.optionalInt("consecutive").orElse(1);
        int minCount = m.optionalInt("minCount").orElse(0);
        if (consecutive < 1) {
            throw m.failAt("consecutive", "'consecutive' must be at least 1");
        }
        return new CheckCriterion(common, m.optionalString("check").orElse(common.name()),
                m.optionalDuration("maxAge").orElse(null), consecutive, m.optionalDuration("minRunWindow").orElse(null),
                m.optionalDuration("noFailWithin").orElse(null), minCount, DetailConditionReader.read(m));
    }

    private static AlertsCriterion alerts(Mapping m, CriterionCommon common) {
        Integer max = m.optionalInt("max").orElse(null);
        if (max != null && max < 0) {
            throw m.failAt("max", "'max' must not be negative");
        }
        return new AlertsCriterion(common, m.enumValue("severity", Severity.class),
                m.optionalDuration("window").orElse(null), max, m.bool("allResolved", true));
    }

    private static MetricCriterion metric(Mapping m, CriterionCommon common) {
        Aggregate aggregate = m.has("aggregate") ? m.enumValue("aggregate", Aggregate.class) : Aggregate.LATEST;
        int minSamples = m.optionalInt("minSamples").orElse(1);
        if (minSamples < 0) {
            throw m.failAt("minSamples", "'minSamples' must not be negative");
        }
        return new MetricCriterion(common, m.string("metric"), aggregate, m.optionalDuration("window").orElse(null),
                GuardReader.comparator(m), m.number("threshold"), m.optionalNumber("warn").orElse(null),
                baseline(m), minSamples);
    }

    /** A baseline is a metric name, or a number the threshold is multiplied with. */
    static Baseline baseline(Mapping m) {
        return m.optionalString("baseline").map(text -> {
            try {
                return Baseline.ofValue(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return Baseline.ofMetric(text);
            }
        }).orElse(null);
    }

    private static ApprovalCriterion approval(Mapping m, CriterionCommon common) {
        List<String> roles = m.strings("roles");
        List<String> require = m.strings("require");
        List<String> anyOf = m.strings("anyOf");
        if (!roles.isEmpty() && (!require.isEmpty() || !anyOf.isEmpty())) {
            throw m.failAt("roles", "use either 'roles' or 'require'/'anyOf', not both");
        }
        List<String> required = roles.isEmpty() ? require : roles;
        if (required.isEmpty() && anyOf.isEmpty()) {
            throw m.fail(m.line(), "an approval needs 'roles', or 'require' and/or 'anyOf'");
        }
        if (required.size() != Set.copyOf(required).size()) {
            throw m.failAt(roles.isEmpty() ? "require" : "roles", "a role is listed twice");
        }
        int count = m.optionalInt("count").orElse(anyOf.isEmpty() ? required.size() : -1);
        if (count < 0) {
            throw m.fail(m.line(), "'anyOf' needs 'count': how many distinct approvers in total");
        }
        if (count < required.size() || (anyOf.isEmpty() && count != required.size())) {
            throw m.failAt("count", "'count' " + count + " does not fit " + required.size() + " required role(s)"
                    + (anyOf.isEmpty() ? " and no 'anyOf'" : ""));
        }
        return new ApprovalCriterion(common, required, anyOf, count, m.optionalDuration("maxAge").orElse(null));
    }

    private WindowCriterion window(Mapping m, CriterionCommon common) {
        var zone = PolicyParser.zone(m, "zone").orElse(defaults.zone());
        var blackouts = m.list("blackouts", b -> "blackout", BlackoutReader::read);
        if (blackouts.isEmpty()) {
            throw m.fail(m.line(), "a window criterion needs at least one blackout");
        }
        Set<String> roles = Set.of();
        Set<ReleaseType> types = Set.of();
        var override = m.optionalMapping("override", "override");
        if (override.isPresent()) {
            roles = Set.copyOf(override.get().strings("roles"));
            types = override.get().enums("releaseTypes", ReleaseType.class);
            override.get().rejectUnknownKeys();
        }
        return new WindowCriterion(common, zone, blackouts, roles, types);
    }
}
