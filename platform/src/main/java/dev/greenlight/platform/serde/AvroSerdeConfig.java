package dev.greenlight.platform.serde;

import dev.greenlight.platform.registry.SchemaRegistryClients;
import java.util.Map;

/**
 * The serde's configuration keys. They are Confluent's names on purpose: a service configured for
 * Greenlight's serde is configured for Confluent's too.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = SchemaRegistryClients.SCHEMA_REGISTRY_URL;
    public static final String BASIC_AUTH_USER_INFO = SchemaRegistryClients.BASIC_AUTH_USER_INFO;
    /** Register unknown writer schemas (default true); production sets false so only CI registers. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    private AvroSerdeConfig() {
    }

    static boolean autoRegister(Map<String, ?> configs, boolean fallback) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }

    /** TopicNameStrategy: the only subject naming Greenlight uses. */
    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
