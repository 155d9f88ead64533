package dev.greenlight.platform.kafka;

/** Kafka did not acknowledge an event: nothing may be reported as recorded. */
public class EventNotStoredException extends RuntimeException {

    public EventNotStoredException(String topic, Throwable cause) {
        super("event not stored on " + topic + ": " + (cause == null ? "unknown cause" : cause.getMessage()), cause);
    }
}
