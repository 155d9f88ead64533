package dev.greenlight.policy.evidence;

/**
 * Where a sample arrived: the partition and offset of the log it was read from. Every sample of a
 * target lands on one partition of the metrics topic, in the order the gate consumes it, so "the
 * samples of this partition at or below {@code offset}" is exactly the set of samples the gate had
 * when it decided. A {@link SeriesCitation} carries the highest one the gate had consumed, and a
 * replay resolves the citation only from samples at or below it: a sample observed inside the
 * window that arrived after the decision is then left out, as it was live.
 *
 * @param partition the partition of the source log
 * @param offset    the offset in that partition
 */
public record SourceOffset(int partition, long offset) {

    /** Whether an event read at {@code position} had arrived by this one (same partition, offset not above). */
    public boolean includes(SourceOffset position) {
        return position != null && position.partition == partition && position.offset <= offset;
    }

    /** The later of the two on the same partition; {@code other} when it is on another partition or this is null. */
    public static SourceOffset latest(SourceOffset current, SourceOffset other) {
        if (current == null || other == null || current.partition != other.partition) {
            return other == null ? current : other;
        }
        return other.offset > current.offset ? other : current;
    }

    /** {@code <partition>:<offset>}, as written in a citation. */
    @Override
    public String toString() {
        return partition + ":" + offset;
    }

    /** The position {@link #toString} wrote. */
    public static SourceOffset parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new NumberFormatException("not <partition>:<offset>: " + text);
        }
        return new SourceOffset(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }
}
