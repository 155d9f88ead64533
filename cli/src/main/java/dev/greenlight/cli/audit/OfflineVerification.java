package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.GreenlightApi;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ledger verify --file}: the auditor's verification with nothing but an export and the public
 * key (or key ring), by the same verifier the ledger service runs. Progress goes to standard error, and only on a
 * terminal, so a pipeline's output stays the verdict alone.
 */
final class OfflineVerification {

    private final PrintWriter progress;
    private final boolean terminal;

    OfflineVerification(PrintWriter progress) {
        this(progress, System.console() != null);
    }

    OfflineVerification(PrintWriter progress, boolean terminal) {
        this.progress = progress;
        this.terminal = terminal;
    }

    /** The report in the shape of the service's {@code GET /verify}, so both print alike. */
    JsonNode verify(Path export, String publicKey) {
        if (!Files.isRegularFile(export)) {
            throw new ApiException(0, export + " is not a file; write one with: greenlight ledger export --file "
                    + export);
        }
        VerificationReport report;
        try {
            report = new OfflineLedgerVerifier(this::progress).verify(export, key(publicKey));
        } catch (IOException e) {
            throw new ApiException(0, "cannot read " + export + ": " + e.getMessage());
        }
        if (terminal) {
            progress.print("\r\033[K");
            progress.flush();
        }
        ObjectNode answer = GreenlightApi.json().createObjectNode()
                .put("ok", report.ok())
                .put("entries", report.entries())
                .put("checkpoints", report.checkpoints())
                .put("treeSize", report.treeSize())
                .put("uncheckpointed", report.uncheckpointed());
        report.failure().ifPresent(failure -> answer.set("failure", failure(failure)));
        return answer;
    }

    private void progress(long done, long total) {
        if (terminal && total > 0) {
            progress.printf(Locale.ROOT, "\rverifying %,d of %,d entries (%d %%)", done, total, done * 100 / total);
            progress.flush();
        }
    }

    private static JsonNode failure(Failure failure) {
        return GreenlightApi.json().createObjectNode()
                .put("reason", failure.reason().name())
                .put("partition", failure.partition())
                .put("sequence", failure.sequence())
                .put("location", failure.location())
                .put("detail", failure.detail());
    }

    /** One key (base64 X.509) or a key ring (JSON), given as text or as a file holding it. */
    static LedgerKeyRing key(String given) {
        try {
            return LedgerKeyRing.read(given);
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(0, "--public-key is neither a base64 X.509 Ed25519 key nor a key ring, nor a file"
                    + " holding one (GET /api/v1/ledger/public-key on the ledger service shows both): "
                    + e.getMessage());
        }
    }
}
