package dev.greenlight.integrations.notifications.domain;

import java.util.Map;

/** An HTTP request body and the headers that go with it, exactly as sent. */
public record Rendered(String body, Map<String, String> headers) {

    public Rendered {
        headers = Map.copyOf(headers);
    }
}
