package dev.greenlight.platform.kafka;

/**
 * Thrown by {@link DeadLetterRecoverer} instead of parking a record that failed only because the
 * schema registry did not answer: the consumer seeks back and reads it again later.
 */
public class RegistryUnavailableRetry extends RuntimeException {

    public RegistryUnavailableRetry(String message, Throwable cause) {
        super(message, cause);
    }
}
