package dev.greenlight.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** The local stack's sealing key is public: a production deployment must bring its own. */
class IntegrationsConfigurationTest {

    @Test
    void thePublicLocalKeyIsRefusedUnderProductionSettings_anOwnKeyIsAccepted() {
        MockEnvironment production = new MockEnvironment().withProperty("greenlight.security.production", "true");

        assertThatThrownBy(() -> new IntegrationsConfiguration().endpointSeal(
                properties(IntegrationsConfiguration.LOCAL_SEALING_KEY), production))
                .hasMessageContaining("GREENLIGHT_SEALING_KEY");
        assertThat(new IntegrationsConfiguration().endpointSeal(
                properties(Base64.getEncoder().encodeToString(new byte[32])), production)).isNotNull();
        assertThat(new IntegrationsConfiguration().endpointSeal(
                properties(IntegrationsConfiguration.LOCAL_SEALING_KEY), new MockEnvironment())).isNotNull();
    }

    private static IntegrationsProperties properties(String key) {
        return new IntegrationsProperties(DataSize.ofKilobytes(128), key, URI.create("http://console"),
                new IntegrationsProperties.Subscriptions(java.util.List.of("engineer"), "founder", false),
                new IntegrationsProperties.Delivery(4, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofSeconds(5)),
                new IntegrationsProperties.GitHub(false, URI.create("https://api.github.com"), null, null, null, null,
                        java.util.Map.of(), java.util.Map.of(), java.time.Duration.ofSeconds(60)), java.util.Map.of());
    }
}
