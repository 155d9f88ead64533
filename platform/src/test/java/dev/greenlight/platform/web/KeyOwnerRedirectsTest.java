package dev.greenlight.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class KeyOwnerRedirectsTest {

    private static final String STORE = "state";
    private static final HostInfo SELF = new HostInfo("gate-1.internal", 8183);
    private static final HostInfo OTHER = new HostInfo("gate-2.internal", 8183);

    private final StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
    private final KafkaStreams streams = mock(KafkaStreams.class);
    private final KeyOwnerRedirects owners = new KeyOwnerRedirects(factory);

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aSingleInstanceThatDoesNotAdvertiseItselfHoldsEveryKeyAndLooksNothingUp() {
        when(factory.getStreamsConfiguration()).thenReturn(new Properties());
        when(factory.getKafkaStreams()).thenReturn(streams);

        assertThat(owners.ownerElsewhere(STORE, "svc-a")).isEmpty();
        verify(streams, never()).queryMetadataForKey(anyString(), any(), any(Serializer.class));
    }

    @Test
    void aKeyOwnedByAnotherInstanceNamesThatInstance() {
        running(new KeyQueryMetadata(OTHER, Set.of(SELF), 2));

        assertThat(owners.ownerElsewhere(STORE, "svc-a")).contains(OTHER);
    }

    @Test
    void aKeyOwnedHereIsLocalOnceItsPartitionIsQueryableHere() {
        running(new KeyQueryMetadata(SELF, Set.of(OTHER), 1));

        assertThat(owners.ownerElsewhere(STORE, "svc-a")).isEmpty();
        verify(streams).store(any(StoreQueryParameters.class));
    }

    @Test
    void aKeyOwnedHereWhosePartitionIsNotQueryableYetIsNotAnsweredFromHere() {
        running(new KeyQueryMetadata(SELF, Set.of(OTHER), 1));
        when(streams.store(any(StoreQueryParameters.class)))
                .thenThrow(new InvalidStateStoreException("partition 1 is restoring"));

        // Not a 404 from a store that does not hold the key (yet): the caller gets 503 and retries.
        assertThatThrownBy(() -> owners.ownerElsewhere(STORE, "svc-a")).isInstanceOf(InvalidStateStoreException.class);
    }

    @Test
    void whileTheOwnerIsUnknownTheAnswerIsNotReady() {
        running(KeyQueryMetadata.NOT_AVAILABLE);

        assertThatThrownBy(() -> owners.ownerElsewhere(STORE, "svc-a"))
                .isInstanceOf(InvalidStateStoreException.class).hasMessageContaining("not known yet");
    }

    @Test
    void streamsThatAreNotRunningAreNotReady() {
        advertising();
        when(factory.getKafkaStreams()).thenReturn(streams);
        when(streams.state()).thenReturn(KafkaStreams.State.PENDING_SHUTDOWN);

        assertThatThrownBy(() -> owners.ownerElsewhere(STORE, "svc-a")).isInstanceOf(InvalidStateStoreException.class);
    }

    @Test
    void theRedirectIsTheSameRequestAtTheOwnerWithPathAndQueryKeptVerbatim() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/releases/svc-a/1.0.0%2Bbuild");
        request.setServerName("gate-1.internal");
        request.setServerPort(8183);
        request.setQueryString("view=full%20status&x=1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        ResponseEntity<Void> response = KeyOwnerRedirects.redirectTo(OTHER);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TEMPORARY_REDIRECT);
        assertThat(response.getHeaders().getLocation()).hasToString(
                "http://gate-2.internal:8183/api/v1/releases/svc-a/1.0.0%2Bbuild?view=full%20status&x=1");
        assertThat(response.getBody()).isNull();
    }

    private void running(KeyQueryMetadata owner) {
        advertising();
        when(factory.getKafkaStreams()).thenReturn(streams);
        when(streams.state()).thenReturn(KafkaStreams.State.RUNNING);
        when(streams.queryMetadataForKey(eq(STORE), eq("svc-a"), any(Serializer.class))).thenReturn(owner);
    }

    private void advertising() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, SELF.host() + ":" + SELF.port());
        when(factory.getStreamsConfiguration()).thenReturn(properties);
    }
}
