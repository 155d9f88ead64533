package dev.greenlight.ledger.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * What any single-threaded verifier of a JSON Lines export must do before it can hash, measured part by part
 * over the export's own bytes (docs/ledger.md §10, "The floor of a text export"), so {@link VerifyBenchmark}
 * can say how much of the SHA-256 bound no decoder can avoid: the payload has to be base64-decoded to be
 * hashed, the three hashes per entry have to be read from their hex digits to be compared, and every byte has
 * to be looked at once to know where a line ends. The fields are located before the clock starts (finding
 * them is the decoder's work, not the floor's); each part then does only its own work, into reused buffers.
 */
final class DecodeFloor {

    private static final byte[] PAYLOAD = ",\"payload\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final String[] HASHES = {",\"previousHash\":\"", ",\"entryHash\":\"", ",\"payloadSha256\":\""};

    private final byte[] export;
    private final int[] payloadFrom;
    private final int[] payloadTo;
    private final int[] hashAt;
    private final int entries;

    DecodeFloor(byte[] export) {
        this.export = export;
        ExportLines.Chunk lines = ExportLines.split(export, 0, export.length).lines();
        int[] from = new int[lines.count()];
        int[] to = new int[lines.count()];
        int[] hashes = new int[3 * lines.count()];
        int n = 0;
        for (int i = 0; i < lines.count(); i++) {
            int start = lines.starts()[i];
            int end = lines.ends()[i];
            if (end - start < 16 || export[start + 9] != 'e') { // {"type":"entry"
                continue;
            }
            int payload = find(PAYLOAD, start, end) + PAYLOAD.length;
            from[n] = payload;
            to[n] = find(new byte[] {'"'}, payload, end);
            for (int h = 0; h < 3; h++) {
                byte[] name = HASHES[h].getBytes(StandardCharsets.US_ASCII);
                hashes[3 * n + h] = find(name, start, end) + name.length;
            }
            n++;
        }
        this.entries = n;
        this.payloadFrom = from;
        this.payloadTo = to;
        this.hashAt = Arrays.copyOf(hashes, 3 * n);
    }

    int entries() {
        return entries;
    }

    /** Looking at every byte once to find the line ends (the shared line finder over the whole export). */
    Object findLines() {
        return ExportLines.split(export, 0, export.length).lines().count();
    }

    /** Every payload through the JDK's base64 decoder, the one the readers use. */
    Object base64() {
        Base64.Decoder decoder = Base64.getDecoder();
        long sum = 0;
        for (int i = 0; i < entries; i++) {
            sum += decoder.decode(ByteBuffer.wrap(export, payloadFrom[i], payloadTo[i] - payloadFrom[i])).remaining();
        }
        return sum;
    }

    /** Every entry's three hashes from their 64 hex digits into one reused 32-byte array. */
    Object hex() {
        byte[] out = new byte[Sha256.LENGTH];
        int bad = 0;
        long sum = 0;
        for (int at : hashAt) {
            for (int i = 0; i < Sha256.LENGTH; i++) {
                int high = ExportLineScanner.HEX[export[at + 2 * i] & 0xff];
                int low = ExportLineScanner.HEX[export[at + 2 * i + 1] & 0xff];
                bad |= high | low;
                out[i] = (byte) (high << 4 | low);
            }
            sum += out[0] + out[Sha256.LENGTH - 1];
        }
        return bad + sum;
    }

    private int find(byte[] literal, int from, int to) {
        for (int i = from; i + literal.length <= to; i++) {
            if (Arrays.equals(export, i, i + literal.length, literal, 0, literal.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not in the exporter's layout: " + new String(literal, StandardCharsets.US_ASCII));
    }
}
