package dev.greenlight.rollout.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Command ids derived from target and sequence: a command re-emitted after a failed transaction
 * carries the same id, so deployers can deduplicate on either.
 */
public final class CommandIds {

    private CommandIds() {
    }

    public static String of(String target, long sequence) {
        return UUID.nameUUIDFromBytes((target + "#" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
