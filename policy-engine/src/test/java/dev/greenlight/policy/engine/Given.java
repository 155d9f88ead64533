package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Alert;
import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.Release;
import dev.greenlight.policy.evidence.Verdict;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.CriterionCommon;
import dev.greenlight.policy.model.Defaults;
import dev.greenlight.policy.model.Governs;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Severity;
import dev.greenlight.policy.model.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Test vocabulary: a release, evidence items relative to a fixed instant, one-stage policies. */
final class Given {

    static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    static final String REV = "1111111111111111111111111111111111111111";
    static final String AUTHOR = "alice";
    static final String STAGE = "gate";

    private Given() {
    }

    static Release release(ReleaseType type) {
        return new Release("rel-1", "rl-policy", "1.4.0", type, REV, AUTHOR);
    }

    static Evidence evidence() {
        return Evidence.of(release(ReleaseType.MODEL));
    }

    static CriterionCommon common(String name) {
        return CriterionCommon.named(name);
    }

    static Policy policy(Criterion... criteria) {
        return policy(Defaults.none(), criteria);
    }

    static Policy policy(Defaults defaults, Criterion... criteria) {
        return new Policy("test", "1", "", new Governs(List.of("*"), Set.of()),
                List.of(new Stage(STAGE, 0, Duration.ZERO, List.of(criteria), List.of())), defaults, "hash");
    }

    static Defaults warnNeedsHuman() {
        return new Defaults(true, Set.of(), ZoneId.of("UTC"));
    }

    static Decision evaluate(Evidence evidence, Instant at, Criterion... criteria) {
        return new PolicyEngine().evaluate(policy(criteria), STAGE, evidence, at);
    }

    static CriterionResult result(Evidence evidence, Instant at, Criterion criterion) {
        return evaluate(evidence, at, criterion).criteria().get(0);
    }

    static Instant ago(Duration duration) {
        return T.minus(duration);
    }

    static Instant hoursAgo(long hours) {
        return T.minus(Duration.ofHours(hours));
    }

    static CheckResult check(String id, String name, CheckStatus status, Instant started, Instant completed) {
        return new CheckResult(id, name, status, REV, started, completed);
    }

    static CheckResult check(String id, String name, CheckStatus status, Instant completed) {
        return check(id, name, status, completed, completed);
    }

    static Alert alert(String id, Severity severity, Instant fired, Instant resolved) {
        return new Alert(id, "fp-" + id, "Alert" + id, severity, fired, resolved);
    }

    static MetricSample sample(String id, String name, double value, Instant at) {
        return new MetricSample(id, name, value, at);
    }

    static Approval approve(String id, String role, String approver, Instant at) {
        return new Approval(id, role, approver, Verdict.APPROVE, REV, at, null, false);
    }

    static Approval reject(String id, String role, String approver, Instant at) {
        return new Approval(id, role, approver, Verdict.REJECT, REV, at, null, false);
    }
}
