package dev.greenlight.gate.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flagger's documented payload: name, namespace, phase, checksum and the webhook's metadata (strings). */
class FlaggerMappingTest {

    private static FlaggerHook hook(Map<String, String> metadata) {
        return new FlaggerHook("podinfo", "test", "Progressing", "85d557f47b", metadata);
    }

    @Test
    void theMetadataNamesTargetVersionAndStage() {
        FlaggerMapping.Resolved resolved = new FlaggerMapping(Map.of("test/podinfo", "other"), null).resolve(hook(Map.of(
                "greenlight.target", "ict-qm", "greenlight.version", "2.1.0", "greenlight.stage", "live-10")));

        assertThat(resolved).isEqualTo(new FlaggerMapping.Resolved("ict-qm", "2.1.0", "live-10"));
    }

    @Test
    void withoutATargetInTheMetadataTheConfiguredMappingThenTheCanaryNameIsTheTarget() {
        Map<String, String> metadata = Map.of("greenlight.version", "2.1.0");
        FlaggerMapping mapped = new FlaggerMapping(Map.of("test/podinfo", "ict-qm"), "canary");
        FlaggerMapping unmapped = new FlaggerMapping(Map.of(), "canary");

        assertThat(mapped.resolve(hook(metadata)).target()).isEqualTo("ict-qm");
        assertThat(mapped.resolve(hook(metadata)).stage()).isEqualTo("canary");
        assertThat(unmapped.resolve(hook(metadata)).target()).isEqualTo("podinfo");
    }

    @Test
    void aHookWithoutVersionOrStageIsRefusedNamingTheMetadataKey() {
        FlaggerMapping mapping = new FlaggerMapping(Map.of(), null);

        assertThatThrownBy(() -> mapping.resolve(hook(Map.of("greenlight.stage", "canary"))))
                .isInstanceOfSatisfying(FlaggerMapping.MissingField.class,
                        e -> assertThat(e.field()).isEqualTo("metadata.greenlight.version"));
        assertThatThrownBy(() -> mapping.resolve(hook(Map.of("greenlight.version", "1.0.0"))))
                .isInstanceOfSatisfying(FlaggerMapping.MissingField.class,
                        e -> assertThat(e.field()).isEqualTo("metadata.greenlight.stage"));
        // A rollback hook asks about the version whatever its stage.
        assertThat(mapping.resolve(hook(Map.of("greenlight.version", "1.0.0")), false).stage()).isNull();
    }
}
