package dev.greenlight.gate.integration.domain;

import java.util.Map;

/**
 * A Flagger webhook call as Flagger sends it ({@code POST} with {@code name}, {@code namespace},
 * {@code phase}, {@code checksum} and the webhook's {@code metadata}, all strings). The payload
 * does not say which webhook type is calling, so Greenlight tells them apart by URL: one path for
 * the gates (confirm-rollout, pre-rollout, rollout, confirm-traffic-increase, confirm-promotion),
 * another for {@code rollback}.
 */
public record FlaggerHook(String name, String namespace, String phase, String checksum, Map<String, String> metadata) {

    /** Metadata key naming the Greenlight target; without it the configured mapping or the canary name. */
    public static final String TARGET = "greenlight.target";
    public static final String VERSION = "greenlight.version";
    public static final String STAGE = "greenlight.stage";
    /** Metadata key carrying the integration token (Flagger cannot add headers to its webhook calls). */
    public static final String TOKEN = "greenlight.token";

    public FlaggerHook {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public String metadata(String key) {
        String value = metadata.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
