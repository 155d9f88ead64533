package dev.greenlight.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note (c2sp.org/signed-note): UTF-8 text ending in a newline, a blank line, then one
 * or more signature lines. The text is what every signature covers, byte for byte; signatures by
 * keys a verifier does not know are kept and passed on, never an error.
 *
 * @param text       the signed text, ending with "\n", without the blank separator line
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Limit from the Go reference implementation, so a hostile note cannot cost unbounded work. */
    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        if (text.contains("\n\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note's text has no blank lines and no control characters");
        }
        signatures = List.copyOf(signatures);
    }

    /** The note's text signed with an Ed25519 key named by {@code key} (type 0x01). */
    public static SignedNote sign(String text, NoteKey key, PrivateKey privateKey) {
        if (key.type() != NoteKey.ED25519) {
            throw new IllegalArgumentException("notes are signed with type 0x01 (Ed25519) keys");
        }
        byte[] signature = Ed25519Keys.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new NoteSignature(key.name(), key.keyId(), signature)));
    }

    /** Parses the whole note; throws {@link IllegalArgumentException} naming what is malformed. */
    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note is text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(text, signatures);
    }

    /** The note as text: the signed text, a blank line, the signature lines. */
    public String serialize() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /** Whether a line by {@code key} (type 0x01) carries a valid Ed25519 signature over the text. */
    public boolean verifiedBy(NoteKey key) {
        if (key.type() != NoteKey.ED25519) {
            return false;
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        return signatures.stream().filter(s -> s.by(key))
                .anyMatch(s -> Ed25519Keys.verify(key.publicKey(), message, s.signature()));
    }

    /** This note with {@code added} appended, unless an equal line is already there. */
    public SignedNote with(NoteSignature added) {
        if (signatures.contains(added)) {
            return this;
        }
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(added);
        return new SignedNote(text, all);
    }

    @Override
    public String toString() {
        return serialize();
    }
}
