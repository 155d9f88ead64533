package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.Entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The worked example of docs/ledger.md, so the document cannot drift from the code (values cross-checked in Python). */
class WorkedExampleTest {

    @Test
    void entryOfTheWorkedExampleHashesAsDocumented() {
        SourceEvent event = new SourceEvent("ict-qm", "greenlight.approvals", 2, 41, "evt-1",
                "dev.greenlight.events.ApprovalGranted", 7, Sha256.unhex("00000000070a68656c6c6f"));

        Entry entry = ChainHead.empty(1).append(event, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(entry.entryId()).isEqualTo("ledger:greenlight.approvals-2@41");
        assertThat(Sha256.hex(entry.payloadSha256()))
                .isEqualTo("1d909188faabf39d9f496a551d17ac8d91701fcc843deba3ccb80911523c065a");
        assertThat(Sha256.hex(EntryEncoding.encode(entry))).startsWith("0000001a677265656e6c696768742d6c6564676572")
                .endsWith("000000201d909188faabf39d9f496a551d17ac8d91701fcc843deba3ccb80911523c065a");
        assertThat(Sha256.hex(entry.entryHash()))
                .isEqualTo("a12f21961e369a0f9f39db9e139f71559d41026bc0f2bc3af815f2f6ad597bf7");
        assertThat(Sha256.hex(MerkleTree.leafHash(entry.entryHash())))
                .isEqualTo("d533f367dd962a537de632f35f176127776159f361c5fa33e291b7e6fd6a3d75");
    }
}
