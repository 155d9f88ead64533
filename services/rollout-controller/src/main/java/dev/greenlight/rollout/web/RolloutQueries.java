package dev.greenlight.rollout.web;

import dev.greenlight.rollout.domain.TargetState;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** Read access to the controller's per-target state, so the API does not depend on how it is stored. */
interface RolloutQueries {

    /** The state of {@code target}; empty if the controller has never seen it. */
    Optional<TargetState> target(String target);

    /**
     * The instance that owns {@code target} when that is not this one (scaled out, each instance
     * holds only its partitions' state); empty when it is local. Throws
     * {@code InvalidStateStoreException} (503) while the owner is not known.
     */
    Optional<HostInfo> ownerElsewhere(String target);
}
