package dev.greenlight.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A JSON {@code true} or {@code false} where a text field is expected is refused, naming the field,
 * instead of being read as the words "true" and "false". Jackson's default turned
 * {@code {"target": true}} into a hold on a target named "true" — written to Kafka with a 201
 * (found by the hostile-input corpus of the fault suite). Numbers are still accepted for text
 * fields: webhook payloads carry numeric ids some of our records keep as text.
 */
final class StrictJsonScalars implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.withCoercionConfig(LogicalType.Textual,
                config -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
