package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.StubbedCli;
import dev.greenlight.cli.StubbedCli.Call;
import dev.greenlight.ledger.attestation.domain.CriterionFacts;
import dev.greenlight.ledger.attestation.domain.DecisionFacts;
import dev.greenlight.ledger.attestation.domain.DecisionStatement;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.ledger.verify.AttestationFormat;
import dev.greenlight.ledger.verify.DsseEnvelope;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenlight ledger attest}: fetching saves the ledger's envelope as served, with the caller's
 * token; verifying is offline and exits 0 only for an envelope the given key signed — and, with
 * {@code --expect-go}, only for a GO of exactly that release and stage — else 1 naming the reason.
 */
class AttestCommandTest {

    private static final KeyPair LEDGER = Ed25519Keys.generate();
    private static final KeyPair OTHER = Ed25519Keys.generate();
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private StubbedCli cli;

    @TempDir
    Path dir;

    @BeforeEach
    void startStub() throws IOException {
        cli = StubbedCli.start(200, "");
    }

    @AfterEach
    void stopStub() {
        cli.stop();
    }

    /** An envelope as the ledger signs it, through the ledger's own statement builder. */
    private static String envelope(String outcome, KeyPair keys) {
        LedgerState ledger = new LedgerState(3);
        byte[] payload = {0, 0, 0, 0, 7, 1};
        Entry scan = ledger.append(0, new SourceEvent("ict-qm", "greenlight.checks", 0, 0, "chk-1",
                "dev.greenlight.events.CheckReported", 7, payload), T);
        Entry decided = ledger.append(0, new SourceEvent("ict-qm", "greenlight.decisions", 0, 0, "dec-1",
                "dev.greenlight.events.GateDecided", 7, payload), T.plusSeconds(1));
        DecisionFacts decision = new DecisionFacts("dec-1", "ict-qm", "2.1.0", "live-25", outcome,
                List.of(new CriterionFacts("security-scan", "check", "GO".equals(outcome) ? "PASS" : "FAIL", true)),
                List.of(), "strategy-release", "3", "ab".repeat(32), T, null, List.of("chk-1"));
        String keyId = Ed25519Keys.keyId(keys.getPublic());
        byte[] statement = DecisionStatement.build(decision, decided, "4f0c6a7d9e1b2c3d4e5f60718293a4b5c6d7e8f9",
                Map.of("chk-1", scan), keyId);
        return DsseEnvelope.sign(AttestationFormat.PAYLOAD_TYPE, statement, keys.getPrivate(), keyId).json();
    }

    private Path saved(String envelope) throws IOException {
        Path file = dir.resolve("decision.intoto.json");
        Files.writeString(file, envelope);
        return file;
    }

    private Path publicKey(KeyPair keys) throws IOException {
        Path file = dir.resolve("ledger-key.b64");
        Files.writeString(file, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        return file;
    }

    @Test
    void fetchSavesTheEnvelopeTheLedgerServes() throws IOException {
        String answer = envelope("GO", LEDGER);
        cli.answer(answer);
        Path file = dir.resolve("go.intoto.json");

        int exit = cli.run("ledger", "attest", "dec-1", "--file", file.toString(), "--token", "demo-bob",
                "--ledger-url", cli.url());

        assertThat(exit).isZero();
        assertThat(cli.calls()).containsExactly(
                new Call("GET", "/api/v1/ledger/attestations/dec-1", null, "Bearer demo-bob", null));
        assertThat(Files.readString(file)).isEqualTo(answer);
        assertThat(cli.out()).contains("wrote the attestation of decision dec-1 to " + file);
    }

    @Test
    void anUnknownDecisionExitsThreeWithTheServersReason() {
        cli.status(404);
        cli.answer("{\"status\":404,\"detail\":\"decision dec-9 is not recorded in the ledger\"}");

        int exit = cli.run("ledger", "attest", "dec-9", "--file", dir.resolve("x").toString(), "--token", "demo-bob",
                "--ledger-url", cli.url());

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err()).contains("decision dec-9 is not recorded in the ledger");
    }

    @Test
    void aGenuineGoForTheReleaseAndStageExitsZero() throws IOException {
        int exit = cli.run("ledger", "attest", "--verify", saved(envelope("GO", LEDGER)).toString(), "--public-key",
                publicKey(LEDGER).toString(), "--expect-go", "--target", "ict-qm", "--version", "2.1.0",
                "--stage", "live-25");

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("OK", "GO ict-qm@2.1.0 at live-25 (decision dec-1",
                "signed by ledger key " + Ed25519Keys.keyId(LEDGER.getPublic()));
        assertThat(cli.calls()).isEmpty();
    }

    /**
     * The ledger's key was rotated after the decision was attested and saved: the saved envelope still
     * verifies with the key ring (its old, retired key signed it), not only the current key.
     */
    @Test
    void anAttestationSavedBeforeAKeyRotationVerifiesWithTheKeyRing() throws IOException {
        Instant rotated = T.plusSeconds(3600);
        Path ring = dir.resolve("ledger-keys.json");
        Files.writeString(ring, dev.greenlight.ledger.verify.LedgerKeyRing.of(List.of(
                new dev.greenlight.ledger.verify.LedgerKey(null, LEDGER.getPublic(), null, rotated, false),
                new dev.greenlight.ledger.verify.LedgerKey(null, OTHER.getPublic(), rotated, null, true)))
                .toJson().toString());

        int exit = cli.run("ledger", "attest", "--verify", saved(envelope("GO", LEDGER)).toString(), "--public-key",
                ring.toString(), "--expect-go", "--target", "ict-qm", "--version", "2.1.0", "--stage", "live-25");

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("OK", "signed by ledger key " + Ed25519Keys.keyId(LEDGER.getPublic()));
    }

    @Test
    void aGenuineNoGoIsValidButNotAGo() throws IOException {
        Path file = saved(envelope("NO_GO", LEDGER));
        String key = publicKey(LEDGER).toString();

        assertThat(cli.run("ledger", "attest", "--verify", file.toString(), "--public-key", key)).isZero();
        int exit = cli.run("ledger", "attest", "--verify", file.toString(), "--public-key", key, "--expect-go",
                "--target", "ict-qm", "--version", "2.1.0", "--stage", "live-25");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("REFUSED", "the decision is NO_GO, not GO");
    }

    @Test
    void aGoForAnotherStageExitsOne() throws IOException {
        int exit = cli.run("ledger", "attest", "--verify", saved(envelope("GO", LEDGER)).toString(), "--public-key",
                publicKey(LEDGER).toString(), "--expect-go", "--target", "ict-qm", "--version", "2.1.0",
                "--stage", "live-100");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("the attestation is for stage live-25, not live-100");
    }

    @Test
    void aTamperedEnvelopeExitsOne() throws IOException {
        DsseEnvelope genuine = DsseEnvelope.parse(envelope("NO_GO", LEDGER));
        String forged = new DsseEnvelope(genuine.payloadType(), new String(genuine.payload(), StandardCharsets.UTF_8)
                .replace("\"NO_GO\"", "\"GO\"").replace("FAILED", "PASSED").getBytes(StandardCharsets.UTF_8),
                genuine.signatures()).json();

        int exit = cli.run("ledger", "attest", "--verify", saved(forged).toString(), "--public-key",
                publicKey(LEDGER).toString(), "--expect-go", "--target", "ict-qm", "--version", "2.1.0",
                "--stage", "live-25");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("REFUSED", "no signature verifies with key");
    }

    @Test
    void anEnvelopeSignedByAnotherKeyExitsOne() throws IOException {
        int exit = cli.run("ledger", "attest", "--verify", saved(envelope("GO", OTHER)).toString(), "--public-key",
                publicKey(LEDGER).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("no signature verifies with key " + Ed25519Keys.keyId(LEDGER.getPublic()));
    }

    @Test
    void verifyingWithoutAKeyOrWithAnIncompleteExpectationIsAnError() throws IOException {
        Path file = saved(envelope("GO", LEDGER));

        assertThat(cli.run("ledger", "attest", "--verify", file.toString())).isEqualTo(3);
        assertThat(cli.err()).contains("--verify needs --public-key");
        assertThat(cli.run("ledger", "attest", "--verify", file.toString(), "--public-key", publicKey(LEDGER).toString(),
                "--expect-go", "--target", "ict-qm")).isEqualTo(3);
        assertThat(cli.err()).contains("--expect-go needs --target, --version and --stage");
    }
}
