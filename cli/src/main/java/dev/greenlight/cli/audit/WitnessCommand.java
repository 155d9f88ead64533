package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Consistency;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.NoteSignature;
import dev.greenlight.ledger.verify.NoteSignerKey;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.SignedNote;
import dev.greenlight.ledger.verify.WitnessCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code greenlight witness}: what any third party runs, with its own key, to witness the ledger
 * (c2sp.org/tlog-witness style). It fetches the latest checkpoint, checks the ledger's signature with
 * the public key it got out of band, checks an RFC 9162 consistency proof from the last checkpoint it
 * cosigned (its state file), and only then cosigns (c2sp.org/tlog-cosignature, cosignature/v1) and
 * hands the cosignature to the ledger. A checkpoint that does not extend what it cosigned before is
 * refused, exit 1: the key holder rewriting the topic is caught here, by whoever runs a witness.
 */
@Command(name = "witness", mixinStandardHelpOptions = true, subcommands = WitnessCommand.Keygen.class,
        description = {"Witness the audit ledger: cosign its latest checkpoint if it extends the last one you cosigned.",
            "Run it regularly (e.g. from cron) with your own key; exit 1 means the ledger rewrote or truncated history."},
        footer = {"", "Examples:",
            "  greenlight witness keygen --name witness.example.org/w1 --key-file w1.key",
            "  greenlight witness --key-file w1.key --state w1.state --ledger-key ledger-key.b64 --token demo-witness"})
public final class WitnessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // Not picocli-required: they would be demanded of 'witness keygen' too; call() checks them.
    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Your witness key (from 'greenlight witness keygen'); keep it private.")
    Path keyFile;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The last checkpoint you cosigned; created on the first run.")
    Path state;

    @Option(names = "--ledger-key", paramLabel = "KEY",
            description = "The ledger's Ed25519 public key (base64 X.509 or a file), obtained out of band.")
    String ledgerKey;

    @Option(names = "--origin", description = "The ledger's origin (first line of its checkpoints); default: what your"
            + " state file names, or on the first run the checkpoint's own.")
    String origin;

    @Mixin
    ApiOptions options;

    private final Clock clock;

    public WitnessCommand() {
        this(Clock.systemUTC());
    }

    WitnessCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (keyFile == null || state == null || ledgerKey == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required options: --key-file, --state and --ledger-key");
        }
        try {
            NoteSignerKey key = key();
            Optional<SignedNote> last = Files.exists(state) ? Optional.of(NoteFiles.readNote(state, "--state"))
                    : Optional.empty();
            Optional<CheckpointNote> lastBody = last.map(note -> CheckpointNote.parse(note.text()));
            SignedNote latest;
            List<byte[]> proof = new ArrayList<>();
            if (lastBody.isEmpty()) {
                latest = SignedNote.parse(options.api().getText(options.ledger(), "/api/v1/ledger/checkpoint"));
            } else {
                try {
                    JsonNode answer = options.api().get(options.ledger(),
                            "/api/v1/ledger/checkpoint/consistency?from=" + lastBody.get().treeSize());
                    latest = SignedNote.parse(answer.path("checkpoint").asString());
                    answer.path("path").forEach(hash -> proof.add(Sha256.unhex(hash.asString())));
                } catch (ApiException e) {
                    if (e.status() != 400) {
                        throw e;
                    }
                    // the ledger cannot prove from our size: it is smaller now; the check below names it
                    latest = SignedNote.parse(options.api().getText(options.ledger(), "/api/v1/ledger/checkpoint"));
                }
            }
            CheckpointNote next = CheckpointNote.parse(latest.text());
            String expectedOrigin = origin != null ? origin : lastBody.map(CheckpointNote::origin).orElse(next.origin());
            NoteKey logKey = NoteFiles.ledgerKey(ledgerKey, expectedOrigin);
            Consistency result = new WitnessCheck(logKey).check(lastBody, latest, proof);
            if (!result.ok()) {
                spec.commandLine().getOut().println(Ansi.AUTO.string("@|red,bold REFUSED|@ " + result.kind()
                        + ": not cosigning tree size " + next.treeSize() + ": " + result.detail()));
                spec.commandLine().getOut().println("the last checkpoint this witness cosigned stays in " + state
                        + "; keep it as evidence");
                return 1;
            }
            if (lastBody.isPresent() && lastBody.get().equals(next)) {
                spec.commandLine().getOut().println("already cosigned tree size " + next.treeSize()
                        + "; nothing new");
                return 0;
            }
            NoteSignature cosignature = Cosignatures.sign(key.publicKey(), key.privateKey(), latest.text(),
                    clock.instant().getEpochSecond());
            // Remember before telling anyone: from now on only extensions of this checkpoint are cosigned.
            SignedNote plain = new SignedNote(latest.text(), latest.signatures().stream()
                    .filter(s -> s.by(logKey)).toList());
            NoteFiles.write(state, plain.with(cosignature).serialize());
            JsonNode answer = options.api().post(options.ledger(), "/api/v1/ledger/checkpoint/cosignatures", Map.of(
                    "witnessKey", key.publicKey().verifierKey(), "checkpoint", latest.text(),
                    "cosignature", cosignature.toString()));
            spec.commandLine().getOut().println(Ansi.AUTO.string("@|green,bold COSIGNED|@ tree size " + next.treeSize()
                    + " as " + key.name() + " (" + result.detail() + ")"
                    + (answer.path("recorded").asBoolean(true) ? "" : "; the ledger already had it")));
            return 0;
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return 3;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getOut().println(Ansi.AUTO.string("@|red,bold REFUSED|@ the ledger answered a malformed"
                    + " checkpoint: " + e.getMessage()));
            return 1;
        }
    }

    private NoteSignerKey key() {
        try {
            NoteSignerKey key = NoteSignerKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            if (key.type() != NoteKey.COSIGNATURE_V1) {
                throw new ApiException(0, keyFile + " is not a cosignature/v1 (type 0x04) key");
            }
            return key;
        } catch (IOException e) {
            throw new ApiException(0, "cannot read --key-file " + keyFile + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(0, "--key-file " + keyFile + ": " + e.getMessage());
        }
    }

    /** {@code greenlight witness keygen}: a new Ed25519 cosigner key and its verifier key. */
    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Generate a witness key: FILE (private, keep it) and FILE.vkey (publish it to auditors).")
    static final class Keygen implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true,
                description = "Your witness name, a schema-less URL such as witness.example.org/w1.")
        String name;

        @Option(names = "--key-file", required = true, paramLabel = "FILE", description = "Where to write the private key.")
        Path keyFile;

        @Override
        public Integer call() {
            try {
                if (Files.exists(keyFile)) {
                    throw new ApiException(0, keyFile + " exists; not overwriting a key");
                }
                NoteSignerKey key = NoteSignerKey.generate(name, NoteKey.COSIGNATURE_V1);
                Files.writeString(keyFile, key.file(), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
                Path vkey = Path.of(keyFile + ".vkey");
                Files.writeString(vkey, key.publicKey().verifierKey() + "\n", StandardCharsets.UTF_8);
                spec.commandLine().getOut().println("witness key " + key.publicKey().verifierKey());
                spec.commandLine().getOut().println("private key in " + keyFile + ", verifier key in " + vkey);
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ --name: " + e.getMessage()));
                return 3;
            } catch (IOException | ApiException e) {
                spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
                return 3;
            }
        }
    }
}
