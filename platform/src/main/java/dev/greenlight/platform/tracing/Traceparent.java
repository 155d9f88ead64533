package dev.greenlight.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A W3C Trace Context {@code traceparent} ({@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex
 * flags>}) and the one place it is read from and written to Kafka record headers. Kafka Streams
 * does not propagate trace context by itself, so the gate and the rollout-controller read the
 * header of the record that caused a change and write it on the records they forward; the APIs
 * write the context of the HTTP request. A malformed or all-zero value is treated as absent, as the
 * specification asks, so a hostile header can never become a trace id downstream.
 */
public record Traceparent(String traceId, String parentId, String flags) {

    /** The Kafka header (and HTTP header) name the W3C specification gives. */
    public static final String HEADER = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    public Traceparent {
        if (!FORMAT.matcher("00-" + traceId + "-" + parentId + "-" + flags).matches()
                || traceId.equals(ZERO_TRACE) || parentId.equals(ZERO_PARENT)) {
            throw new IllegalArgumentException("not a W3C traceparent: " + traceId + "/" + parentId + "/" + flags);
        }
    }

    /** The value parsed, or empty when it is absent, malformed or names the invalid all-zero ids. */
    public static Optional<Traceparent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches() || matcher.group(1).equals(ZERO_TRACE) || matcher.group(2).equals(ZERO_PARENT)) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /** The last {@value #HEADER} header of a record, if it holds a valid value. */
    public static Optional<Traceparent> from(Headers headers) {
        if (headers == null) {
            return Optional.empty();
        }
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null ? Optional.empty()
                : parse(new String(header.value(), StandardCharsets.US_ASCII));
    }

    /** Writes this value as the record's only {@value #HEADER} header; returns {@code headers}. */
    public Headers writeTo(Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, value().getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    /** The header value, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. */
    public String value() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    @Override
    public String toString() {
        return value();
    }
}
