package dev.greenlight.console.board.domain;

/**
 * One record of the console's read model, keyed so compaction keeps only the latest per key:
 * a release's view ({@code release/<target>@<version>}), a target's latest ledger entries
 * ({@code ledger/<target>}), or a tombstone ending a key.
 *
 * @param key     the record's key
 * @param release the release's view, or null
 * @param ledger  the target's ledger entries, or null
 */
public record ReadModelRecord(String key, ProjectedRelease release, TargetLedger ledger) {

    static final String RELEASE = "release/";
    static final String LEDGER = "ledger/";

    /** The record of one release's view. */
    public static ReadModelRecord of(ProjectedRelease release) {
        return new ReadModelRecord(RELEASE + release.view().id(), release, null);
    }

    /** The record of one target's ledger entries. */
    public static ReadModelRecord of(TargetLedger ledger) {
        return new ReadModelRecord(LEDGER + ledger.target(), null, ledger);
    }

    /** The tombstone of a release no longer on the board. */
    public static ReadModelRecord tombstone(String releaseId) {
        return new ReadModelRecord(RELEASE + releaseId, null, null);
    }

    /** Whether this record ends its key. */
    public boolean tombstone() {
        return release == null && ledger == null;
    }

    /** The release id of a release key, or null. */
    public String releaseId() {
        return key.startsWith(RELEASE) ? key.substring(RELEASE.length()) : null;
    }
}
