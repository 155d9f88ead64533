package dev.greenlight.rollout.domain;

import dev.greenlight.policy.engine.GuardTrip;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.ReleaseType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Given/when/then driver over the pure state machine: it keeps the state and the effects of each step. */
final class RolloutScenario {

    static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    static final Actor ALICE = new Actor("alice", Set.of("release-captain"));
    static final Actor FOUNDER = new Actor("fay", Set.of("founder"));

    final MutableClock clock = new MutableClock(START);
    final RolloutMachine machine = new RolloutMachine(clock, RolloutSettings.defaults());
    final List<RolloutEffect> all = new ArrayList<>();
    TargetState state;
    List<RolloutEffect> effects = List.of();

    RolloutScenario(String target) {
        state = TargetState.empty(target);
    }

    RolloutScenario when(Function<TargetState, Transition> input) {
        Transition transition = input.apply(state);
        state = transition.state();
        effects = transition.effects();
        all.addAll(effects);
        return this;
    }

    RolloutScenario register(String version, ReleaseType type, Policy policy) {
        return when(s -> machine.register(s, version, type, policy));
    }

    /** A release registered with its author, who may never promote it without GO. */
    RolloutScenario register(String version, ReleaseType type, Policy policy, String author) {
        return when(s -> machine.register(s, version, type, policy, author));
    }

    RolloutScenario go(String version, String stage) {
        return when(s -> machine.gateDecided(s, version, stage, true));
    }

    RolloutScenario after(Duration duration) {
        clock.advance(duration);
        return when(machine::tick);
    }

    /** The deployer applies every command still pending. */
    RolloutScenario ackAll() {
        List<PendingCommand> pending = state.pendingCommands();
        List<RolloutEffect> collected = new ArrayList<>();
        for (PendingCommand command : pending) {
            when(s -> machine.deploymentReported(s, command.sequence(), true, null));
            collected.addAll(effects);
        }
        effects = collected;
        return this;
    }

    RolloutScenario trip(String version, GuardTrip trip) {
        return when(s -> machine.guardsTripped(s, version, List.of(trip)));
    }

    Rollout rollout(String version) {
        return state.rollout(version).orElseThrow();
    }

    <T extends RolloutEffect> List<T> emitted(Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends RolloutEffect> List<T> emittedEver(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
