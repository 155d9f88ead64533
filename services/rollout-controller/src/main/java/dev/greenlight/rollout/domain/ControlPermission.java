package dev.greenlight.rollout.domain;

import dev.greenlight.policy.model.RolloutControl;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may steer a rollout by hand: the roles of the policy's {@link RolloutControl} for the command,
 * and never the release's own author overriding the gate. Pure, so the rule is tested by itself and
 * applied identically by the API (answering 403 at once) and by the stream processor (re-checking
 * every command it applies, whoever put it on the topic).
 */
final class ControlPermission {

    private ControlPermission() {
    }

    /**
     * May {@code actor} attempt {@code command} at all? For PROMOTE either promote role will do;
     * whether it needs the override is known only once the rollout's GO is looked at
     * ({@link #checkPromotion}).
     */
    static void checkAttempt(Rollout rollout, ManualCommand command, Actor actor) {
        RolloutControl control = rollout.control();
        Set<String> allowed = switch (command) {
            case PAUSE -> control.pause();
            case RESUME -> control.resume();
            case ABORT -> control.abort();
            case PROMOTE -> union(control.promote(), control.promoteWithoutGo());
        };
        if (!actor.holdsAny(allowed)) {
            throw new RolloutRefusedException(RefusalReason.NOT_PERMITTED, actor.name() + " may not "
                    + command.name().toLowerCase(Locale.ROOT) + " rollouts of policy " + rollout.policy()
                    + "; allowed roles: " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    /**
     * A promotion on a recorded GO needs a promote (or override) role; one without GO needs the
     * override role and must not come from the release's author, whatever roles they hold.
     */
    static void checkPromotion(Rollout rollout, String stage, boolean go, Actor actor) {
        RolloutControl control = rollout.control();
        if (go) {
            checkAttempt(rollout, ManualCommand.PROMOTE, actor);
            return;
        }
        if (!actor.holdsAny(control.promoteWithoutGo())) {
            throw new RolloutRefusedException(RefusalReason.NOT_APPROVED, "no GO for stage " + stage + " of "
                    + rollout.version() + "; only " + String.join("/", control.promoteWithoutGo().stream().sorted()
                    .toList()) + " may override");
        }
        if (rollout.author() != null && actor.is(rollout.author())) {
            throw new RolloutRefusedException(RefusalReason.NOT_PERMITTED, actor.name() + " is the author of "
                    + rollout.version() + " and may not promote it without GO");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
