package dev.greenlight.registry.application;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.greenlight.registry.kafka.SchemasTopicStore;

/**
 * Health ("schemaStore", also in the readiness group) is OUT_OF_SERVICE until the store has been
 * replayed: launchers wait on readiness before starting services that register schemas.
 */
@Component
class SchemaStoreHealthIndicator implements HealthIndicator {

    private final SchemaRegistryService registry;
    private final SchemasTopicStore store;

    SchemaStoreHealthIndicator(SchemaRegistryService registry, SchemasTopicStore store) {
        this.registry = registry;
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder builder = registry.isLoaded() ? Health.up() : Health.outOfService();
        return builder.withDetail("topic", store.topic()).build();
    }
}
