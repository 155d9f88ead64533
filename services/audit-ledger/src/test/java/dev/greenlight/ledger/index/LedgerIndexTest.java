package dev.greenlight.ledger.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.domain.ChainHead;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.domain.SourceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queries answered from the on-disk index: the right entries, in ledger time order, on the right pages. */
class LedgerIndexTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String APPROVAL = "dev.greenlight.events.ApprovalGranted";
    private static final String ALERT = "dev.greenlight.events.AlertFired";
    private static final String POLICY = "dev.greenlight.events.PolicyActivated";

    private final LedgerIndex index = LedgerIndex.open(null, 3);
    private final ChainHead[] heads = {ChainHead.empty(0), ChainHead.empty(1)};
    private long offset;

    /** Appends an entry to partition p's chain, recorded {@code minutes} after T0. */
    private Entry record(int p, String target, String type, String version, int minutes) {
        SourceEvent event = new SourceEvent(target, "greenlight.approvals", 0, offset++, "evt-" + offset, type, 1,
                new byte[] {0, 0, 0, 0, 1, 42});
        Entry entry = heads[p].append(event, T0.plus(Duration.ofMinutes(minutes)));
        heads[p] = ChainHead.after(entry);
        index.add(entry, version);
        return entry;
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static EntryQuery query(String release, String type, Instant from, Instant to, int page, int size) {
        return new EntryQuery(release, type, from, to, page, size);
    }

    @Test
    void entriesOfOneReleaseArePagedInLedgerTimeOrder() {
        Entry first = record(0, "ict-qm", APPROVAL, "1.0.0", 1);
        record(1, "rl-policy", APPROVAL, "2.0.0", 2);
        Entry second = record(0, "ict-qm", APPROVAL, "1.0.0", 3);
        record(0, "ict-qm", APPROVAL, "1.1.0", 4);
        Entry third = record(0, "ict-qm", ALERT, "1.0.0", 5);

        IndexPage page0 = index.query(query("ict-qm@1.0.0", null, null, null, 0, 2));
        IndexPage page1 = index.query(query("ict-qm@1.0.0", null, null, null, 1, 2));
        IndexPage page2 = index.query(query("ict-qm@1.0.0", null, null, null, 2, 2));

        assertThat(page0.total()).isEqualTo(3);
        assertThat(page0.items()).containsExactly(first, second);
        assertThat(page1.items()).containsExactly(third);
        assertThat(page2.items()).isEmpty();
        assertThat(page2.total()).isEqualTo(3);
    }

    @Test
    void aBareTargetSelectsEveryEntryOfIt() {
        record(0, "ict-qm", APPROVAL, "1.0.0", 1);
        record(0, "ict-qm", ALERT, null, 2);
        record(1, "rl-policy", APPROVAL, "1.0.0", 3);

        assertThat(index.query(query("ict-qm", null, null, null, 0, 10)).total()).isEqualTo(2);
        assertThat(index.query(query("ict-qm@1.0.0", null, null, null, 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void typeMatchesTheFullOrTheSimpleAvroName() {
        record(0, "ict-qm", APPROVAL, "1.0.0", 1);
        record(1, "rl-policy", ALERT, null, 2);
        record(1, "rl-policy", ALERT, null, 3);

        assertThat(index.query(query(null, "AlertFired", null, null, 0, 10)).total()).isEqualTo(2);
        assertThat(index.query(query(null, ALERT, null, null, 0, 10)).total()).isEqualTo(2);
        assertThat(index.query(query("rl-policy", "ApprovalGranted", null, null, 0, 10)).total()).isZero();
        assertThat(index.query(query(null, "GateDecided", null, null, 0, 10)).total()).isZero();
    }

    @Test
    void timeRangeIncludesFromAndExcludesTo() {
        record(0, "ict-qm", APPROVAL, "1.0.0", 10);
        Entry atFrom = record(1, "rl-policy", APPROVAL, "1.0.0", 20);
        Entry inside = record(0, "ict-qm", APPROVAL, "1.0.0", 29);
        record(1, "rl-policy", APPROVAL, "1.0.0", 30);

        IndexPage range = index.query(query(null, null, T0.plusSeconds(20 * 60), T0.plusSeconds(30 * 60), 0, 10));

        assertThat(range.items()).containsExactly(atFrom, inside);
        assertThat(index.query(query(null, null, T0.plusSeconds(20 * 60), null, 0, 10)).total()).isEqualTo(3);
        assertThat(index.query(query(null, null, null, T0.plusSeconds(20 * 60), 0, 10)).total()).isEqualTo(1);
    }

    @Test
    void entriesRecordedInTheSameMillisecondAreOrderedByPartitionThenSequence() {
        Entry b = record(1, "rl-policy", APPROVAL, "1.0.0", 1);
        Entry a = record(0, "ict-qm", APPROVAL, "1.0.0", 1);
        Entry c = record(1, "rl-policy", APPROVAL, "1.0.0", 1);

        assertThat(index.query(query(null, null, null, null, 0, 10)).items()).containsExactly(a, b, c);
    }

    @Test
    void aForgedCopyAtAnExistingPositionIsListedNotHidden() {
        Entry honest = record(0, "ict-qm", APPROVAL, "1.0.0", 1);
        Entry forged = honest.withPayload(new byte[] {0, 0, 0, 0, 1, 66});

        index.add(forged, "1.0.0");

        assertThat(index.query(query("ict-qm", null, null, null, 0, 10)).items()).containsExactly(honest, forged);
    }

    @Test
    void replayOfOneReleaseGetsItsTargetAndThePolicyDocumentsOnly() {
        Entry policy = record(1, "rl-policy", POLICY, null, 1);
        Entry own = record(0, "ict-qm", APPROVAL, "1.0.0", 2);
        record(1, "rl-policy", APPROVAL, "2.0.0", 3);
        Entry ownAlert = record(0, "ict-qm", ALERT, null, 4);

        assertThat(index.releaseWith("ict-qm@1.0.0", Set.of(POLICY))).containsExactly(policy, own, ownAlert);
    }

    @Test
    void invalidQueriesAreRefused() {
        assertThatThrownBy(() -> query(null, null, null, null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query(null, null, null, null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query(null, null, T0, T0.minusSeconds(1), 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
