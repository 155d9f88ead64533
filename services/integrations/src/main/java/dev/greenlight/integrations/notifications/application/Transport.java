package dev.greenlight.integrations.notifications.application;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Posts one request; an {@link IOException} is a timeout or a connection failure. */
public interface Transport {

    Answer post(URI url, Map<String, String> headers, String body, Duration timeout) throws IOException;

    /** The receiver's status and its Retry-After, when it sent one in seconds. */
    record Answer(int status, Optional<Duration> retryAfter) {
    }
}
