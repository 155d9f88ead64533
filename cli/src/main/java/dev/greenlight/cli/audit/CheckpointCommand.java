package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.SignedNote;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code greenlight ledger checkpoint}: saves the ledger's latest checkpoint as a C2SP signed note,
 * with the witnesses' cosignatures, after checking the ledger's signature on it. The saved file is
 * what a later {@code verify --checkpoint} or {@code consistency --checkpoint} holds the ledger to.
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Save the ledger's latest signed checkpoint (C2SP signed note, with witness cosignatures).",
            "Keep it: later, 'ledger verify --checkpoint' and 'ledger consistency --checkpoint' prove the ledger"
                    + " still extends it."},
        footer = {"", "Examples:", "  greenlight ledger checkpoint --file checkpoint-2026-12.txt --token demo-bob"})
public final class CheckpointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file", description = "Write the note here instead of standard output.")
    Path file;

    @Option(names = "--public-key", paramLabel = "KEY",
            description = "The ledger's Ed25519 public key (base64 X.509 or a file); default: GET /public-key.")
    String publicKey;

    @Mixin
    ApiOptions options;

    @Override
    public Integer call() {
        try {
            String text = options.api().getText(options.ledger(), "/api/v1/ledger/checkpoint");
            SignedNote note;
            try {
                note = SignedNote.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ApiException(0, "the ledger answered something that is not a signed note: " + e.getMessage());
            }
            CheckpointNote body = CheckpointNote.parse(note.text());
            String key = publicKey != null ? publicKey
                    : options.api().get(options.ledger(), "/api/v1/ledger/public-key").path("publicKey").asString();
            NoteKey logKey = NoteFiles.ledgerKey(key, body.origin());
            if (!note.verifiedBy(logKey)) {
                spec.commandLine().getOut().println(Ansi.AUTO.string("@|red,bold BROKEN|@ the checkpoint carries no valid"
                        + " signature of " + logKey.verifierKey()));
                return 1;
            }
            if (file == null) {
                spec.commandLine().getOut().print(note.serialize());
            } else {
                NoteFiles.write(file, note.serialize());
                spec.commandLine().getOut().println("saved checkpoint of tree size " + body.treeSize() + " ("
                        + (note.signatures().size() - 1) + " cosignatures) to " + file);
            }
            return 0;
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return 3;
        }
    }
}
