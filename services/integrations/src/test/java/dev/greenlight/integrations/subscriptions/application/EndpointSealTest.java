package dev.greenlight.integrations.subscriptions.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.integrations.subscriptions.domain.Endpoint;
import java.net.URI;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Credentials are recorded sealed: opened only with the key, and only under the subscription they were sealed for. */
class EndpointSealTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void sealsAndOpensUnderTheSameSubscriptionOnly() {
        EndpointSeal seal = new EndpointSeal(KEY);
        Endpoint endpoint = new Endpoint(URI.create("https://hooks.slack.com/services/T/B/SECRET"), null);

        String sealed = seal.seal("sub-1", endpoint);

        assertThat(sealed).doesNotContain("SECRET").doesNotContain("hooks.slack.com");
        assertThat(seal.open("sub-1", sealed)).isEqualTo(endpoint);
        assertThat(seal.seal("sub-1", endpoint)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> seal.open("sub-2", sealed)).isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new EndpointSeal(Base64.getEncoder().encodeToString(otherKey)).open("sub-1", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWebhookSecretSurvivesTheRoundTrip() {
        EndpointSeal seal = new EndpointSeal(KEY);
        Endpoint endpoint = new Endpoint(URI.create("https://example.com/hook"), "s3cret with spaces\tand tabs");

        assertThat(seal.open("s", seal.seal("s", endpoint))).isEqualTo(endpoint);
    }
}
