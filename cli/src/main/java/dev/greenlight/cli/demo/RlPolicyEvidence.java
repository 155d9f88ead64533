package dev.greenlight.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine evidence that makes live-10 of {@code policies/rl-policy-go-nogo.yaml} GO, as CI and
 * monitoring would report it (the GO fixture of {@code policies/tests/rl-policy-go-nogo.test.yaml}):
 * the readiness checks of the current revision and metrics inside every SLO and policy-health
 * bound. People's evidence (on-call ack, approvals) is the scenario's own steps.
 */
final class RlPolicyEvidence {

    /** Readiness checks of live-10, besides the scan and the two 48 h validations. */
    static final List<String> READINESS_CHECKS = List.of("monitoring-services", "preflight-diff", "kill-switch-test",
            "ramp-guard", "ops-bot-commands", "runbooks-index", "rollback-drill", "training-stability");

    /** Metric name to a healthy value: budget burn, SLOs, entropy, q-spread (and its baseline), risk, cost. */
    static final Map<String, Double> HEALTHY_METRICS = orderedMetrics();

    private RlPolicyEvidence() {
    }

    static Map<String, Object> check(DemoRelease release, String name, Instant startedAt, Instant completedAt,
                                     String summary) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("target", release.target());
        check.put("version", release.version());
        check.put("name", name);
        check.put("status", "PASS");
        check.put("revision", release.revision());
        check.put("startedAt", startedAt.toString());
        check.put("completedAt", completedAt.toString());
        check.put("summary", summary);
        return check;
    }

    /** Every readiness check PASS, each finished a minute before {@code now}. */
    static List<Map<String, Object>> readinessChecks(DemoRelease release, Instant now) {
        Instant done = now.minus(Duration.ofMinutes(1));
        return READINESS_CHECKS.stream()
                .map(name -> check(release, name, done.minus(Duration.ofMinutes(5)), done, "demo: " + name + " ok"))
                .toList();
    }

    /** Every live-10 metric at a healthy value, observed at {@code now}. */
    static List<Map<String, Object>> healthyMetrics(DemoRelease release, Instant now) {
        return HEALTHY_METRICS.entrySet().stream().map(metric -> {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("target", release.target());
            sample.put("version", release.version());
            sample.put("name", metric.getKey());
            sample.put("value", metric.getValue());
            sample.put("observedAt", now.toString());
            return sample;
        }).toList();
    }

    /** An Alertmanager (v4) notification paging for the target, as its webhook receives it. */
    static Map<String, Object> pageAlert(DemoRelease release, String alertName, Instant startsAt) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("alertname", alertName);
        labels.put("service", release.target());
        labels.put("severity", "page");
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("status", "firing");
        alert.put("labels", labels);
        alert.put("annotations", Map.of("summary", "policy heartbeat stale during the live-10 ramp"));
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("fingerprint", release.revision());
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("version", "4");
        notification.put("status", "firing");
        notification.put("receiver", "greenlight");
        notification.put("groupKey", "{}:{alertname=\"" + alertName + "\"}");
        notification.put("alerts", List.of(alert));
        return notification;
    }

    private static Map<String, Double> orderedMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("error_budget_burn_pct", 12.0);
        metrics.put("heartbeat_freshness_pct", 99.7);
        metrics.put("exporter_uptime_pct", 99.95);
        metrics.put("validation_cadence_pct", 97.0);
        metrics.put("policy_entropy", 0.93);
        metrics.put("q_spread", 1.8);
        metrics.put("q_spread_baseline", 1.0);
        metrics.put("collapse_risk_level", 0.0);
        metrics.put("cost_change_wow_pct", 10.0);
        return Collections.unmodifiableMap(metrics);
    }
}
