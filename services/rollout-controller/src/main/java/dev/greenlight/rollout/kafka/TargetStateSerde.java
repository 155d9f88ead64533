package dev.greenlight.rollout.kafka;

import dev.greenlight.rollout.domain.TargetState;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the per-target state store and its changelog. The state is internal to the controller
 * (no other service reads the changelog), so it needs no schema registry; JSON keeps the changelog
 * readable when an operator has to inspect why a rollout is where it is.
 */
final class TargetStateSerde implements Serde<TargetState> {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Serializer<TargetState> serializer() {
        return (topic, state) -> state == null ? null : json.writeValueAsBytes(state);
    }

    @Override
    public Deserializer<TargetState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : json.readValue(bytes, TargetState.class);
    }
}
