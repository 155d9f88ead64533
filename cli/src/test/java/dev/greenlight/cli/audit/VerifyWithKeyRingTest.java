package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.StubbedCli;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.ledger.export.LedgerExporter;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code greenlight ledger verify --file EXPORT --public-key KEYS} on a ledger whose key was rotated:
 * with the key ring file (the JSON of GET /public-key) it is OK, with only the new key it is BROKEN
 * naming the old key, and without --public-key the ring the service publishes is used.
 */
class VerifyWithKeyRingTest {

    private static final KeyPair OLD = Ed25519Keys.generate();
    private static final KeyPair NEW = Ed25519Keys.generate();
    private static final Instant ROTATED = Instant.parse("2026-03-01T00:00:00Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;
    private Path export;
    private String ring;

    @BeforeEach
    void rotatedLedger() throws Exception {
        LedgerState state = new LedgerState(2);
        List<List<LedgerItem>> partitions = List.of(new ArrayList<>(), new ArrayList<>());
        List<Checkpoint> checkpoints = new ArrayList<>();
        CheckpointSigner before = new CheckpointSigner(OLD, Clock.fixed(ROTATED.minusSeconds(60), ZoneOffset.UTC));
        CheckpointSigner after = new CheckpointSigner(NEW, Clock.fixed(ROTATED.plusSeconds(60), ZoneOffset.UTC));
        for (int i = 0; i < 12; i++) {
            byte[] body = ("event-" + i).getBytes(StandardCharsets.UTF_8);
            byte[] payload = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(7).put(body).array();
            Entry entry = state.append(i % 2, new SourceEvent("target", "greenlight.approvals", 0, i, "evt-" + i,
                    "dev.greenlight.events.ApprovalGranted", 7, payload), ROTATED.minusSeconds(120 - i));
            partitions.get(i % 2).add(new LedgerItem.Recorded(entry, "greenlight.ledger-" + (i % 2) + "@" + i / 2));
            if ((i + 1) % 4 == 0) {
                checkpoints.add(state.checkpoint(i < 6 ? before : after));
            }
        }
        export = dir.resolve("ledger.jsonl");
        try (Writer writer = Files.newBufferedWriter(export)) {
            LedgerExporter.exportAll(new LedgerSnapshot(partitions, checkpoints), writer);
        }
        ring = LedgerKeyRing.of(List.of(new LedgerKey(null, OLD.getPublic(), null, ROTATED, false),
                new LedgerKey(null, NEW.getPublic(), ROTATED, null, true))).toJson().toString();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void withTheKeyRingFileTheRotatedLedgerIsOk() throws Exception {
        Path ringFile = Files.writeString(dir.resolve("ledger-keys.json"), ring);

        int exit = run("ledger", "verify", "--file", export.toString(), "--public-key", ringFile.toString());

        assertThat(exit).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("OK").contains("12 entries, 3 checkpoints");
    }

    @Test
    void withOnlyTheNewKeyItIsBrokenNamingTheOldKey() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("ledger-key.b64"),
                Base64.getEncoder().encodeToString(NEW.getPublic().getEncoded()));

        int exit = run("ledger", "verify", "--file", export.toString(), "--public-key", keyFile.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN").contains(Ed25519Keys.keyId(OLD.getPublic()))
                .contains("not in the key ring");
    }

    @Test
    void withoutPublicKeyTheRingTheServicePublishesIsUsed() throws Exception {
        StubbedCli service = StubbedCli.start(200, ring);
        try {
            int exit = service.run("ledger", "verify", "--file", export.toString(), "--token", "demo-bob",
                    "--ledger-url", service.url());

            assertThat(exit).as(service.out() + " " + service.err()).isZero();
            assertThat(service.calls()).extracting(StubbedCli.Call::path).containsOnly("/api/v1/ledger/public-key");
        } finally {
            service.stop();
        }
    }

    @Test
    void aKeyRingThatIsNotOneIsNamed() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"keys\":[{\"publicKey\":\"nope\"}]}");

        int exit = run("ledger", "verify", "--file", export.toString(), "--public-key", bad.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("keys[0].publicKey");
    }
}
