package dev.greenlight.ledger.domain;

/**
 * One event read from a Greenlight topic, as much as the ledger needs to record it.
 *
 * @param target        the record key
 * @param topic         source topic
 * @param partition     source partition
 * @param offset        source offset
 * @param eventId       meta.eventId of the decoded event
 * @param eventType     full Avro name of the decoded event
 * @param schemaId      id in the wire-format header
 * @param payload       the value bytes exactly as read
 */
public record SourceEvent(String target, String topic, int partition, long offset, String eventId,
        String eventType, int schemaId, byte[] payload) {
}
