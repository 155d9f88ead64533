package dev.greenlight.gate.integration;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Flagger webhook ({@code greenlight.integrations.flagger.*}).
 *
 * @param role         the role the integration token's user must hold (like the Alertmanager
 *                     integration principal: a CI or person token does not do)
 * @param targets      {@code namespace/name} of a Canary → Greenlight target, for canaries whose
 *                     webhook metadata names no {@code greenlight.target}
 * @param defaultStage the stage asked about when the metadata names none; empty: the metadata must
 */
@ConfigurationProperties("greenlight.integrations.flagger")
public record FlaggerProperties(@DefaultValue("flagger") String role, Map<String, String> targets,
                                String defaultStage) {
}
