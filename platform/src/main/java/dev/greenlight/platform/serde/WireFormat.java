package dev.greenlight.platform.serde;

/**
 * The Confluent framing around Avro binary: one magic byte, then the 4-byte big-endian schema id.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0x0;
    static final int HEADER_SIZE = 1 + Integer.BYTES;

    private WireFormat() {
    }
}
