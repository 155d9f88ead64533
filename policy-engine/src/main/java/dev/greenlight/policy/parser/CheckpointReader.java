package dev.greenlight.policy.parser;

import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.CheckpointObligation;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.GuardAction;
import dev.greenlight.policy.model.MetricCriterion;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a stage's {@code checkpoints}: each names its offset from the stage start ({@code at}),
 * its criteria (the ordinary criterion syntax), what a failure does ({@code onFail}: PAUSE,
 * ROLLBACK or KILL, as for guards) and an optional {@code obligation}. Everything that would make a
 * checkpoint meaningless — no criteria, an offset the soak ends before, an unknown action — is an
 * error naming the field, so a typo never silently drops a monitoring point.
 */
final class CheckpointReader {

    private CheckpointReader() {
    }

    static List<Checkpoint> read(Mapping stage, CriterionReader criteria, Duration soak) {
        List<Checkpoint> checkpoints = stage.list("checkpoints",
                c -> c.optionalString("name").map(n -> "checkpoint '" + n + "'").orElse("checkpoint"),
                c -> checkpoint(c, criteria, soak));
        Set<String> names = new HashSet<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (!names.add(checkpoint.name())) {
                throw stage.failAt("checkpoints", "duplicate checkpoint name '" + checkpoint.name() + "'");
            }
        }
        return checkpoints.stream().sorted(Comparator.comparing(Checkpoint::at)).toList();
    }

    /** {@code baseline: stageStart} outside a checkpoint would wait forever for a metric of that name. */
    static void rejectStageStartBaseline(Mapping stage, List<Criterion> criteria) {
        for (Criterion criterion : criteria) {
            if (criterion instanceof MetricCriterion metric && metric.baseline() != null
                    && Checkpoint.STAGE_START_BASELINE.equals(metric.baseline().metric())) {
                throw stage.failAt("criteria", "criterion '" + criterion.name() + "': 'baseline: " + Checkpoint.STAGE_START_BASELINE
                        + "' only means something inside a checkpoint (the value when the stage started)");
            }
        }
    }

    private static Checkpoint checkpoint(Mapping m, CriterionReader criteria, Duration soak) {
        String name = m.string("name");
        Duration at = m.optionalDuration("at").orElseThrow(() -> m.fail(m.line(),
                "missing required key 'at' (the offset from the stage start, e.g. 30m)"));
        if (at.isZero() || at.isNegative()) {
            throw m.failAt("at", "'at' must be after the stage start, not " + m.string("at"));
        }
        if (at.compareTo(soak) > 0) {
            throw m.failAt("at", "'at' " + m.string("at") + " is after the stage's soak ("
                    + (soak.isZero() ? "none" : soak.toString().substring(2).toLowerCase()) + "): the stage would "
                    + "complete before the checkpoint; lengthen 'soak' or move the checkpoint");
        }
        m.optionalString("description");
        List<Criterion> list = m.list("criteria",
                c -> c.optionalString("name").map(n -> "criterion '" + n + "'").orElse("criterion"), criteria::read);
        if (list.isEmpty()) {
            throw m.fail(m.line(), "a checkpoint needs at least one criterion in 'criteria'");
        }
        Set<String> names = new HashSet<>();
        for (Criterion criterion : list) {
            if (!names.add(criterion.name())) {
                throw m.failAt("criteria", "duplicate criterion name '" + criterion.name() + "'");
            }
        }
        if (!m.has("onFail")) {
            throw m.fail(m.line(), "missing required key 'onFail' (PAUSE, ROLLBACK or KILL)");
        }
        GuardAction onFail = m.enumValue("onFail", GuardAction.class);
        CheckpointObligation obligation = m.optionalMapping("obligation", "obligation")
                .map(CheckpointReader::obligation).orElse(null);
        m.rejectUnknownKeys();
        return new Checkpoint(name, at, list, onFail, obligation);
    }

    private static CheckpointObligation obligation(Mapping m) {
        String kind = m.string("kind");
        if (!CheckpointObligation.POST_MORTEM.equals(kind)) {
            throw m.failAt("kind", "unknown obligation kind '" + kind + "' (expected " + CheckpointObligation.POST_MORTEM
                    + ")");
        }
        Duration due = m.optionalDuration("due").orElseThrow(() -> m.fail(m.line(),
                "missing required key 'due' (how long after the failure, e.g. 24h)"));
        if (due.isZero() || due.isNegative()) {
            throw m.failAt("due", "'due' must be positive");
        }
        m.rejectUnknownKeys();
        return new CheckpointObligation(kind, due);
    }
}
