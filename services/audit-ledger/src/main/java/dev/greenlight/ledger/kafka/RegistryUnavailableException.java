package dev.greenlight.ledger.kafka;

/**
 * A source or ledger record could not be decoded only because the schema registry did not answer:
 * the record is good, so it must be read again later and never recorded as undecodable nor skipped.
 * Its position lets the writer rewind to it.
 */
final class RegistryUnavailableException extends RuntimeException {

    private final String topic;
    private final int partition;
    private final long offset;

    RegistryUnavailableException(String topic, int partition, long offset, Throwable cause) {
        super("schema registry unavailable while decoding " + topic + "-" + partition + "@" + offset + ": "
                + cause.getMessage(), cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    String topic() {
        return topic;
    }

    int partition() {
        return partition;
    }

    long offset() {
        return offset;
    }
}
