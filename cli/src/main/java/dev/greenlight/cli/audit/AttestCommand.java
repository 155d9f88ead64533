package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.ledger.verify.AttestationCheck;
import dev.greenlight.ledger.verify.AttestationVerifier;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight ledger attest}: fetch the signed in-toto attestation of a gate decision, or — the
 * deployer's side — verify a saved one offline with the ledger's public key, optionally requiring a GO
 * for the release and stage about to be deployed. Verification asks no service anything: the key must
 * come out of band. Exit 0 when valid (and GO if asked), 1 when refused, naming why, 3 on errors.
 */
@Command(name = "attest",
        description = {"Fetch the signed attestation (in-toto statement in a DSSE envelope) of a gate decision,",
            "or verify a saved one offline: exit 0 only when the ledger key signed it (and it says GO if asked)."},
        footer = {"", "Examples:", "  greenlight ledger attest 3f9a…c2 --file decision.intoto.json --token demo-bob",
            "  greenlight ledger attest --verify decision.intoto.json --public-key ledger-key.b64",
            "  greenlight ledger attest --verify decision.intoto.json --public-key ledger-key.b64 --expect-go"
                    + " --target ict-qm --version 2.1.0 --stage live-25"})
public final class AttestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(arity = "0..1", paramLabel = "DECISION_ID", description = "The decision to fetch the attestation of.")
    String decisionId;

    @Option(names = "--file", paramLabel = "F",
            description = "Save the fetched envelope here (default DECISION_ID.intoto.json).")
    Path file;

    @Option(names = "--verify", paramLabel = "F", description = "Verify this saved envelope offline instead.")
    Path verify;

    @Option(names = "--public-key", paramLabel = "KEY",
            description = "The ledger's Ed25519 public key, base64 X.509 or a file holding it (required with --verify).")
    String publicKey;

    @Option(names = "--expect-go", description = "Also require a GO for --target, --version and --stage.")
    boolean expectGo;

    @Option(names = "--target", description = "With --expect-go: the release's target.")
    String target;

    @Option(names = "--version", description = "With --expect-go: the release's version.")
    String version;

    @Option(names = "--stage", description = "With --expect-go: the stage about to be entered.")
    String stage;

    @Mixin
    ApiOptions options;

    @Override
    public Integer call() {
        try {
            return verify != null ? verify() : fetch();
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return 3;
        }
    }

    private int fetch() {
        if (decisionId == null || decisionId.isBlank()) {
            throw new ApiException(0, "give a DECISION_ID to fetch, or --verify F --public-key KEY");
        }
        String envelope = options.api().getText(options.ledger(), "/api/v1/ledger/attestations/"
                + URLEncoder.encode(decisionId, StandardCharsets.UTF_8).replace("+", "%20"));
        Path target = file != null ? file : Path.of(decisionId.replaceAll("[^A-Za-z0-9._-]", "_") + ".intoto.json");
        try {
            Files.writeString(target, envelope);
        } catch (IOException e) {
            throw new ApiException(0, "cannot write " + target + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote the attestation of decision " + decisionId + " to " + target);
        return 0;
    }

    private int verify() {
        if (publicKey == null) {
            throw new ApiException(0, "--verify needs --public-key: an offline check trusts only a key you got out"
                    + " of band");
        }
        if (expectGo && (target == null || version == null || stage == null)) {
            throw new ApiException(0, "--expect-go needs --target, --version and --stage");
        }
        String envelope;
        try {
            envelope = Files.readString(verify, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiException(0, "cannot read " + verify + ": " + e.getMessage());
        }
        // An attestation is signed when it is fetched, by the key current then, which may since have been
        // rotated out: it is checked with the ring's key its keyid names (a key history keeps old ones).
        LedgerKeyRing ring = OfflineVerification.key(publicKey);
        AttestationVerifier verifier = new AttestationVerifier(ring);
        AttestationCheck check = expectGo ? verifier.verifyGo(envelope, target, version, stage)
                : verifier.verify(envelope);
        PrintWriter out = spec.commandLine().getOut();
        if (check.valid()) {
            out.println(Ansi.AUTO.string("@|green,bold OK|@  " + check.decision().summary() + ", signed by ledger key "
                    + check.keyId()));
            return 0;
        }
        out.println(Ansi.AUTO.string("@|red,bold REFUSED|@ " + verify + ": " + check.failure()));
        return 1;
    }
}
