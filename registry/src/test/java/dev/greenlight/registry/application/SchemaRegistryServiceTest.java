package dev.greenlight.registry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import dev.greenlight.registry.domain.AvroSchemaText;
import dev.greenlight.registry.domain.SubjectNotFoundException;
import dev.greenlight.registry.kafka.SchemaStoreException;
import dev.greenlight.registry.kafka.SchemasTopicStore;

/** What is served must be what the store acknowledged, and readiness must wait for the replay. */
class SchemaRegistryServiceTest {

    private static final AvroSchemaText SCHEMA = AvroSchemaText.parse("\"string\"");

    private final SchemasTopicStore store = mock(SchemasTopicStore.class);
    private final SchemaRegistryService registry = new SchemaRegistryService(store);

    @Test
    void unacknowledgedWriteChangesNothing() {
        registry.load();
        doThrow(new SchemaStoreException("no ack", null)).when(store).append(anyList());

        assertThatThrownBy(() -> registry.register("s", SCHEMA)).isInstanceOf(SchemaStoreException.class);

        assertThatThrownBy(() -> registry.versions("s", true)).isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void reRegistrationWritesNothing() {
        registry.load();
        int id = registry.register("s", SCHEMA).id();
        clearInvocations(store);

        assertThat(registry.register("s", SCHEMA).id()).isEqualTo(id);

        verify(store, never()).append(anyList());
    }

    @Test
    void notReadyUntilTheStoreIsReplayed() {
        when(store.topic()).thenReturn("store");
        SchemaStoreHealthIndicator health = new SchemaStoreHealthIndicator(registry, store);

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        registry.load();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
