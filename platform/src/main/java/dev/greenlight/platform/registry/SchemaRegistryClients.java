package dev.greenlight.platform.registry;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the registry client from Kafka-style client configuration, using Confluent's key names so
 * pointing Greenlight at a real Confluent registry is a configuration change only.
 */
public final class SchemaRegistryClients {

    /** One or more base URLs, comma separated. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code user:password} for HTTP basic auth. Never logged. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    private SchemaRegistryClients() {
    }

    /** A caching REST client for the URL(s) in {@code configs}; fails clearly when none is set. */
    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\": the Avro serde needs the schema registry base URL(s)");
        }
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        return new CachingSchemaRegistryClient(
                new RestSchemaRegistryClient(url.toString(), userInfo == null ? null : userInfo.toString()));
    }
}
