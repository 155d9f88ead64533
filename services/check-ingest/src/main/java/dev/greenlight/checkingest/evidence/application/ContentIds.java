package dev.greenlight.checkingest.evidence.application;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from content: a client that retries a request without an idempotency key of
 * its own still produces the same ids, so consumers drop the repeats.
 */
final class ContentIds {

    private ContentIds() {
    }

    static String of(Object... parts) {
        StringBuilder content = new StringBuilder();
        for (Object part : parts) {
            content.append(part == null ? "" : part).append('\n');
        }
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
