package dev.greenlight.ledger.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The body of a C2SP checkpoint (c2sp.org/tlog-checkpoint): the origin line naming the log, the tree
 * size in decimal, the base64 RFC 9162 root hash, then optional extension lines. Greenlight adds one
 * extension line per ledger partition, {@code greenlight-head <partition> <sequence> <hex entryHash>},
 * so a note signature (and a witness's cosignature) also commits to the partition heads its
 * {@link Checkpoint} names. Tools that only know the C2SP format read the first three lines and
 * ignore the rest.
 *
 * @param origin     the log's identity, e.g. {@code greenlight.example/ledger}; also the log key's name
 * @param treeSize   number of leaves
 * @param rootHash   32-byte root
 * @param extensions extension lines without newlines, each non-empty
 */
public record CheckpointNote(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    public static final String HEAD_EXTENSION = "greenlight-head";

    public CheckpointNote {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (treeSize < 0 || rootHash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a checkpoint has a non-negative size and a 32-byte root");
        }
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new IllegalArgumentException("an extension line is one non-empty line");
            }
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    /** The note body Greenlight signs for {@code checkpoint}: size, root and one head line per partition. */
    public static CheckpointNote of(String origin, Checkpoint checkpoint) {
        List<String> heads = new ArrayList<>();
        for (PartitionHead head : checkpoint.heads()) {
            heads.add(HEAD_EXTENSION + " " + head.partition() + " " + head.sequence() + " " + Sha256.hex(head.hash()));
        }
        return new CheckpointNote(origin, checkpoint.treeSize(), checkpoint.rootHash(), heads);
    }

    /** The note text, every line newline-terminated. */
    public String body() {
        StringBuilder out = new StringBuilder().append(origin).append('\n').append(treeSize).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** Parses a note's text; throws {@link IllegalArgumentException} naming the bad line. */
    public static CheckpointNote parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint body ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("tree size is not a decimal without leading zeros: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("root hash is not base64: " + lines[2]);
        }
        if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new IllegalArgumentException("root hash is not canonical base64: " + lines[2]);
        }
        return new CheckpointNote(lines[0], Long.parseLong(lines[1]), root,
                Arrays.asList(lines).subList(3, lines.length));
    }

    /** The partition heads named by the extension lines (other extensions are ignored). */
    public List<PartitionHead> heads() {
        List<PartitionHead> heads = new ArrayList<>();
        for (String line : extensions) {
            String[] parts = line.split(" ");
            if (parts.length == 4 && parts[0].equals(HEAD_EXTENSION)) {
                heads.add(new PartitionHead(Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                        Sha256.unhex(parts[3].toLowerCase(Locale.ROOT))));
            }
        }
        return heads;
    }

    /** Whether this note states exactly {@code checkpoint}'s size, root and heads. */
    public boolean states(Checkpoint checkpoint) {
        List<PartitionHead> mine = heads();
        if (treeSize != checkpoint.treeSize() || !Arrays.equals(rootHash, checkpoint.rootHash())
                || mine.size() != checkpoint.heads().size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            PartitionHead a = mine.get(i);
            PartitionHead b = checkpoint.heads().get(i);
            if (a.partition() != b.partition() || a.sequence() != b.sequence() || !Arrays.equals(a.hash(), b.hash())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointNote that && body().equals(that.body());
    }

    @Override
    public int hashCode() {
        return body().hashCode();
    }

    @Override
    public String toString() {
        return body();
    }
}
