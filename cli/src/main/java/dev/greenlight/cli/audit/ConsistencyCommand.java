package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Consistency;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.SignedNote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code greenlight ledger consistency --checkpoint F}: the online check that the ledger today extends
 * a checkpoint saved earlier. It asks the ledger for an RFC 9162 consistency proof from the saved
 * tree size to its latest signed checkpoint and verifies it itself, against the saved root and the
 * root of the newer note (whose signature it checks too), so the ledger's answer is not trusted.
 */
@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = "Prove online that the ledger's latest checkpoint extends a saved one (RFC 9162 consistency proof).",
        footer = {"", "Examples:",
            "  greenlight ledger consistency --checkpoint checkpoint-2026-11.txt --public-key ledger-key.b64 --token demo-bob"})
public final class ConsistencyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
            description = "A checkpoint saved with 'greenlight ledger checkpoint'.")
    Path checkpoint;

    @Option(names = "--public-key", paramLabel = "KEY",
            description = "The ledger's Ed25519 public key (base64 X.509 or a file); default: GET /public-key.")
    String publicKey;

    @Option(names = "--update", description = "After a successful check, save the newer checkpoint over the old one.")
    boolean update;

    @Mixin
    ApiOptions options;

    @Override
    public Integer call() {
        try {
            SignedNote saved = NoteFiles.readNote(checkpoint, "--checkpoint");
            CheckpointNote old = CheckpointNote.parse(saved.text());
            String key = publicKey != null ? publicKey
                    : options.api().get(options.ledger(), "/api/v1/ledger/public-key").path("publicKey").asString();
            NoteKey logKey = NoteFiles.ledgerKey(key, old.origin());
            if (!saved.verifiedBy(logKey)) {
                return broken("REWRITTEN", "the saved checkpoint carries no valid signature of " + logKey.verifierKey());
            }
            JsonNode answer;
            try {
                answer = options.api().get(options.ledger(), "/api/v1/ledger/checkpoint/consistency?from="
                        + old.treeSize());
            } catch (ApiException e) {
                if (e.status() == 400) {
                    SignedNote latest = SignedNote.parse(options.api().getText(options.ledger(),
                            "/api/v1/ledger/checkpoint"));
                    Consistency result = Consistency.check(old.treeSize(), old.rootHash(),
                            CheckpointNote.parse(latest.text()).treeSize(), CheckpointNote.parse(latest.text()).rootHash(),
                            List.of());
                    return broken(result.kind(), result.detail());
                }
                throw e;
            }
            SignedNote latest = SignedNote.parse(answer.path("checkpoint").asString());
            if (!latest.verifiedBy(logKey)) {
                return broken("REWRITTEN", "the ledger's latest checkpoint carries no valid signature of "
                        + logKey.verifierKey());
            }
            CheckpointNote newer = CheckpointNote.parse(latest.text());
            List<byte[]> path = new ArrayList<>();
            answer.path("path").forEach(hash -> path.add(Sha256.unhex(hash.asString())));
            Consistency result = Consistency.check(old.treeSize(), old.rootHash(), newer.treeSize(), newer.rootHash(),
                    path);
            if (!result.ok()) {
                return broken(result.kind(), result.detail());
            }
            spec.commandLine().getOut().println(Ansi.AUTO.string("@|green,bold OK|@  " + result.detail()
                    + " (saved checkpoint " + checkpoint + ")"));
            if (update) {
                NoteFiles.write(checkpoint, latest.serialize());
                spec.commandLine().getOut().println("saved checkpoint of tree size " + newer.treeSize() + " to "
                        + checkpoint);
            }
            return 0;
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return 3;
        } catch (IllegalArgumentException e) {
            return broken("REWRITTEN", "the ledger answered a malformed checkpoint: " + e.getMessage());
        }
    }

    private int broken(String kind, String detail) {
        spec.commandLine().getOut().println(Ansi.AUTO.string("@|red,bold BROKEN|@ " + kind + " against "
                + checkpoint + ": " + detail));
        return 1;
    }
}
