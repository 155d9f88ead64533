package dev.greenlight.console.policies.domain;

import dev.greenlight.console.policies.domain.PolicyOutline.CriterionOutline;
import dev.greenlight.console.policies.domain.PolicyOutline.StageOutline;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.DependencyCriterion;
import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.OnCallCriterion;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Stage;
import dev.greenlight.policy.model.VersionCriterion;
import dev.greenlight.policy.model.WindowCriterion;
import dev.greenlight.policy.parser.PolicyParseException;
import dev.greenlight.policy.parser.PolicyParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Policy text to {@link PolicyOutline}, with the policy engine's own parser (one reading of a
 * policy in the whole system). Pure: the same text always gives the same outline. A text the
 * parser refuses has no outline; the page then shows the raw text only.
 */
public final class PolicyOutlines {

    private PolicyOutlines() {
    }

    public static Optional<PolicyOutline> of(String content) {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        Policy policy;
        try {
            policy = new PolicyParser().parse("announced.yaml", content);
        } catch (PolicyParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Set<String> defaultWaivers = policy.defaults() == null ? Set.of() : policy.defaults().waivableBy();
        List<StageOutline> stages = new ArrayList<>();
        for (Stage stage : policy.stages()) {
            stages.add(new StageOutline(stage.name(), stage.traffic(), duration(stage.soak()),
                    stage.criteria().stream().map(c -> criterion(c, defaultWaivers)).toList(),
                    stage.guards().stream().map(PolicyOutlines::guard).toList(),
                    stage.checkpoints().stream().map(PolicyOutlines::checkpoint).toList()));
        }
        String governs = policy.governs() == null ? "" : String.join(", ", policy.governs().targets())
                + (policy.governs().releaseTypes().isEmpty() ? "" : " (" + sorted(policy.governs().releaseTypes()) + ")");
        return Optional.of(new PolicyOutline(policy.name(), policy.version(), policy.description(), governs, stages));
    }

    private static CriterionOutline criterion(Criterion criterion, Set<String> defaultWaivers) {
        Set<String> waivers = criterion.waivableBy().isEmpty() ? defaultWaivers : criterion.waivableBy();
        return new CriterionOutline(criterion.name(), criterion.kind(), rule(criterion), approvers(criterion),
                sorted(waivers), sorted(criterion.common().appliesTo()), criterion.blocking());
    }

    private static String rule(Criterion criterion) {
        if (criterion instanceof CheckCriterion c) {
            return join("check " + (c.check() != null ? c.check() : c.name()) + " PASS",
                    c.consecutive() > 1 ? c.consecutive() + " consecutive" : null,
                    c.minRunWindow() != null ? "each run >= " + duration(c.minRunWindow()) : null,
                    c.maxAge() != null ? "within " + duration(c.maxAge()) : null,
                    c.noFailWithin() != null ? "no failure in " + duration(c.noFailWithin()) : null,
                    c.minCount() > 1 ? "at least " + c.minCount() : null,
                    c.details().isEmpty() ? null : c.details().size() + " detail condition(s)");
        }
        if (criterion instanceof MetricCriterion m) {
            return join(m.metric() + " " + m.comparator().symbol() + " " + number(m.threshold())
                            + (m.baseline() != null ? " x " + m.baseline() : ""),
                    m.warn() != null ? "warn at " + number(m.warn()) : null,
                    m.window() != null ? (m.aggregate() != null ? m.aggregate().label() + " over " : "over ")
                            + duration(m.window()) : null,
                    m.minSamples() > 1 ? "min " + m.minSamples() + " samples" : null);
        }
        if (criterion instanceof AlertsCriterion a) {
            return join((a.max() == null ? "no " : "at most " + a.max() + " ")
                            + (a.severity() != null ? a.severity().name().toLowerCase(Locale.ROOT) + " " : "") + "alerts",
                    a.window() != null ? "in " + duration(a.window()) : "since the stage began",
                    a.allResolved() ? "all resolved" : null);
        }
        if (criterion instanceof ApprovalCriterion a) {
            return join(a.require().isEmpty() ? null : "all of " + String.join(", ", a.require()),
                    a.anyOf().isEmpty() ? null : a.count() + " of " + String.join(", ", a.anyOf()),
                    a.maxAge() != null ? "within " + duration(a.maxAge()) : null);
        }
        if (criterion instanceof WindowCriterion w) {
            return join(w.blackouts().size() + " blackout(s)", w.zone() != null ? w.zone().getId() : null,
                    w.overrideTypes().isEmpty() ? null : "not for " + sorted(w.overrideTypes()));
        }
        if (criterion instanceof VersionCriterion v) {
            return join(v.preReleaseAllowed() ? "pre-releases allowed" : "no pre-release",
                    v.releaseTags().isEmpty() ? null : "release tags " + sorted(v.releaseTags()),
                    v.majorRequiresRole() != null ? "major needs " + v.majorRequiresRole() : null);
        }
        if (criterion instanceof OnCallCriterion o) {
            return "on-call acknowledged" + (o.coverFor() != null ? " for " + duration(o.coverFor()) : "");
        }
        if (criterion instanceof DependencyCriterion d) {
            return "check " + d.checkName() + " PASS";
        }
        return criterion.kind();
    }

    private static String approvers(Criterion criterion) {
        if (criterion instanceof ApprovalCriterion a) {
            Set<String> roles = new TreeSet<>(a.require());
            roles.addAll(a.anyOf());
            return String.join(", ", roles);
        }
        if (criterion instanceof WindowCriterion w && !w.overrideRoles().isEmpty()) {
            return "override: " + sorted(w.overrideRoles());
        }
        if (criterion instanceof VersionCriterion v && v.majorRequiresRole() != null) {
            return v.majorRequiresRole() + " (major)";
        }
        return "";
    }

    private static String guard(Guard guard) {
        return guard.name() + ": " + guard.trigger().describe() + " -> " + guard.action()
                + (guard.within() != null ? " within " + duration(guard.within()) : "");
    }

    private static String checkpoint(Checkpoint checkpoint) {
        return checkpoint.name() + " at " + duration(checkpoint.at()) + ": " + checkpoint.criteria().size()
                + " criteria, on failure " + checkpoint.onFail();
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join("; ", present);
    }

    private static String sorted(Collection<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).sorted().toList());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** 2h, 30m, 7d, 1d 12h: as a policy author writes it. */
    static String duration(Duration duration) {
        if (duration == null || duration.isZero()) {
            return "";
        }
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return duration.toSeconds() + "s";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        return join(days > 0 ? days + "d" : null, hours > 0 ? hours + "h" : null, mins > 0 ? mins + "m" : null)
                .replace("; ", " ");
    }
}
