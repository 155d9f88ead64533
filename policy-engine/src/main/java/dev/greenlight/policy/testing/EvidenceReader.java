package dev.greenlight.policy.testing;

import dev.greenlight.policy.evidence.Alert;
import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.CheckResult;
import dev.greenlight.policy.evidence.CheckStatus;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Freeze;
import dev.greenlight.policy.evidence.Hold;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.OnCallAck;
import dev.greenlight.policy.evidence.Release;
import dev.greenlight.policy.evidence.Verdict;
import dev.greenlight.policy.evidence.Waiver;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.Severity;
import dev.greenlight.policy.parser.Mapping;
import dev.greenlight.policy.parser.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads evidence items written in a policy test file into the engine's evidence types. Defaults
 * keep fixtures short: a check's revision defaults to the release's, its startedAt to its
 * completedAt, an approval's verdict to APPROVE.
 */
final class EvidenceReader {

    private final TimeExpression time;

    EvidenceReader(TimeExpression time) {
        this.time = time;
    }

    Release release(Mapping m, Release base) {
        Release release = new Release(
                m.optionalString("id").orElse(base == null ? "release" : base.id()),
                base == null ? m.string("target") : m.optionalString("target").orElse(base.target()),
                base == null ? m.string("version") : m.optionalString("version").orElse(base.version()),
                m.has("type") ? m.enumValue("type", ReleaseType.class) : base == null ? ReleaseType.STRATEGY : base.type(),
                base == null ? m.string("revision") : m.optionalString("revision").orElse(base.revision()),
                base == null ? m.string("author") : m.optionalString("author").orElse(base.author()));
        m.rejectUnknownKeys();
        return release;
    }

    /** Adds the items of an evidence mapping (checks, alerts, metrics, approvals, waivers, onCall, holds, freezes). */
    Evidence add(Mapping m, Evidence evidence) {
        String revision = evidence.release().revision();
        Evidence result = evidence
                .withChecks(m.list("checks", c -> "check", c -> check(c, revision)))
                .withAlerts(m.list("alerts", a -> "alert", this::alert))
                .withMetrics(m.list("metrics", s -> "metric", this::metric))
                .withApprovals(m.list("approvals", a -> "approval", this::approval))
                .withWaivers(m.list("waivers", w -> "waiver", this::waiver))
                .withOnCallAcks(m.list("onCall", o -> "onCall", this::onCall))
                .withHolds(m.list("holds", h -> "hold", this::hold))
                .withFreezes(m.list("freezes", f -> "freeze", this::freeze));
        m.rejectUnknownKeys();
        return result;
    }

    private CheckResult check(Mapping m, String releaseRevision) {
        var completedAt = time.required(m, "completedAt");
        var item = new CheckResult(m.string("id"), m.string("name"), m.enumValue("status", CheckStatus.class),
                m.optionalString("revision").orElse(releaseRevision), time.optional(m, "startedAt").orElse(completedAt),
                completedAt, details(m));
        m.rejectUnknownKeys();
        return item;
    }

    /** {@code details: {openFixes: 0, verdict: PASS-WITH-FIXES, reasons: [a, b]}}, typed as written. */
    private static Map<String, Object> details(Mapping m) {
        Map<String, Object> details = new LinkedHashMap<>();
        m.raw("details").ifPresent(node -> {
            if (node.type() != YamlNode.Type.MAPPING) {
                throw m.failAt("details", "'details' must be a mapping of detail key to value");
            }
            node.fields().forEach((key, value) -> details.put(key, detailValue(m, key, value)));
        });
        return details;
    }

    private static Object detailValue(Mapping m, String key, YamlNode value) {
        if (value.type() == YamlNode.Type.SEQUENCE) {
            List<String> items = new ArrayList<>();
            for (YamlNode item : value.items()) {
                if (item.type() != YamlNode.Type.SCALAR || item.isNull()) {
                    throw m.fail(item.line(), "details: '" + key + "': a list may hold only values");
                }
                items.add(item.scalar());
            }
            return items;
        }
        if (value.type() != YamlNode.Type.SCALAR || value.isNull()) {
            throw m.fail(value.line(), "details: '" + key + "' must be a value or a list of values");
        }
        return switch (value.scalarKind()) {
            case NUMBER -> Double.parseDouble(value.scalar());
            case BOOLEAN -> Boolean.parseBoolean(value.scalar().toLowerCase(Locale.ROOT));
            case TEXT -> value.scalar();
        };
    }

    private Alert alert(Mapping m) {
        String id = m.string("id");
        var item = new Alert(id, m.optionalString("fingerprint").orElse(id), m.optionalString("name").orElse("Alert"),
                m.enumValue("severity", Severity.class), time.required(m, "firedAt"),
                time.optional(m, "resolvedAt").orElse(null));
        m.rejectUnknownKeys();
        return item;
    }

    private MetricSample metric(Mapping m) {
        var item = new MetricSample(m.string("id"), m.string("name"), m.number("value"), time.required(m, "at"));
        m.rejectUnknownKeys();
        return item;
    }

    private Approval approval(Mapping m) {
        var item = new Approval(m.string("id"), m.string("role"), m.string("approver"),
                m.has("verdict") ? m.enumValue("verdict", Verdict.class) : Verdict.APPROVE,
                m.optionalString("revision").orElse(null), time.required(m, "at"),
                time.optional(m, "expiresAt").orElse(null), m.bool("revoked", false));
        m.rejectUnknownKeys();
        return item;
    }

    private Waiver waiver(Mapping m) {
        var item = new Waiver(m.string("id"), m.string("criterion"), m.string("by"), m.string("role"),
                m.string("rationale"), time.required(m, "at"), time.optional(m, "expiresAt").orElse(null),
                m.bool("revoked", false));
        m.rejectUnknownKeys();
        return item;
    }

    private OnCallAck onCall(Mapping m) {
        var item = new OnCallAck(m.string("id"), m.string("engineer"), time.required(m, "from"),
                time.required(m, "until"));
        m.rejectUnknownKeys();
        return item;
    }

    /** {@code {id, name, target, by, reason, at}}: a standing hold; {@code at} (placed) defaults to now. */
    private Hold hold(Mapping m) {
        var item = new Hold(m.string("id"), m.string("name"), m.string("target"), m.string("reason"),
                m.string("by"), time.optional(m, "at").orElse(time.now()));
        m.rejectUnknownKeys();
        return item;
    }

    /**
     * {@code {id, name, target, from, to, by, reason, at, override: {roles, releaseTypes}}}: a
     * runtime freeze window {@code [from, to)}; {@code at} (declared) defaults to now.
     */
    private Freeze freeze(Mapping m) {
        Mapping override = m.optionalMapping("override", "override").orElse(null);
        Freeze item = new Freeze(m.string("id"), m.string("name"), m.string("target"), time.required(m, "from"),
                time.required(m, "to"), m.string("reason"), m.string("by"), time.optional(m, "at").orElse(time.now()),
                override == null ? Set.of() : Set.copyOf(override.strings("roles")),
                override == null ? Set.of() : override.enums("releaseTypes", ReleaseType.class));
        if (override != null) {
            override.rejectUnknownKeys();
        }
        if (!item.to().isAfter(item.from())) {
            throw m.failAt("to", "'to' must be after 'from' (the window is [from, to))");
        }
        m.rejectUnknownKeys();
        return item;
    }
}
