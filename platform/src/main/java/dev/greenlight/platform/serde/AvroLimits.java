package dev.greenlight.platform.serde;

import java.util.Map;

/**
 * Avro's decoding limits, set before Avro reads them (once, when {@code SystemLimitException} is
 * loaded): a record that declares a 2 GB string, byte array or collection would otherwise make the
 * decoder allocate it and the consumer die of an {@code OutOfMemoryError} on every retry. With the
 * limits it fails to decode like any other poison record and is dead-lettered.
 *
 * <p>No event can legitimately come near them: a Kafka record is at most a few MiB
 * ({@code message.max.bytes}), so 8 MiB per string or byte array and a million items per array or
 * map leave room for every real event. A value set on the command line ({@code -D...}) is kept.
 */
public final class AvroLimits {

    /** Avro 1.12's system properties ({@code org.apache.avro.SystemLimitException}) and Greenlight's values. */
    public static final Map<String, String> LIMITS = Map.of(
            "org.apache.avro.limits.string.maxLength", String.valueOf(8 * 1024 * 1024),
            "org.apache.avro.limits.bytes.maxLength", String.valueOf(8 * 1024 * 1024),
            "org.apache.avro.limits.collectionItems.maxLength", "1000000",
            "org.apache.avro.limits.collectionItems.maxAllocation", "1000000");

    static {
        LIMITS.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    private AvroLimits() {
    }

    /** Runs the static initializer once per class loader; repeated calls are free. */
    public static void ensure() {
        // class initialization does the work
    }
}
