package dev.greenlight.platform.topics;

import java.util.List;
import java.util.Map;

/**
 * The one topic catalogue of Greenlight. No other place names a topic: services, the launcher and
 * tests all refer to these constants, so a rename is one edit and topic settings cannot drift.
 */
public final class Topics {

    /** Poison records (unknown magic byte, unknown schema id, undecodable bytes) parked with their origin in headers. */
    public static final Topic<byte[]> DEAD_LETTER = new Topic<>("greenlight.dead-letter", null, byte[].class, 3,
            Map.of("retention.ms", "-1"));

    private static final List<Topic<?>> ALL = List.of(DEAD_LETTER);

    private Topics() {
    }

    /** Every topic Greenlight uses, in creation order. */
    public static List<Topic<?>> all() {
        return ALL;
    }
}
