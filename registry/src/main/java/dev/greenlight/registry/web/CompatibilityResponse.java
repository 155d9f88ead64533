package dev.greenlight.registry.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Compatibility verdict; {@code messages} only when the client asked for {@code verbose}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CompatibilityResponse(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {
}
