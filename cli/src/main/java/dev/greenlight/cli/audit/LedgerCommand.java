package dev.greenlight.cli.audit;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code greenlight ledger ...}: the auditor's questions to the audit-ledger. Exit 0 when the
 * answer is clean, 1 when the ledger is broken or a decision does not replay, 3 on errors.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        subcommands = {EvidenceCommand.class, AttestCommand.class, KeygenCommand.class, CheckpointCommand.class,
            ConsistencyCommand.class},
        description = "Verify, replay, export and prove entries of the audit ledger; evidence bundles of releases.",
        footer = {"", "Examples:", "  greenlight ledger verify --token demo-bob",
            "  greenlight ledger replay --release rl-policy@3.0.0 --token demo-bob",
            "  greenlight ledger export --release rl-policy --file rl-policy.jsonl --token demo-bob",
            "  greenlight ledger proof --index 42 --token demo-bob",
            "  greenlight ledger evidence ict-qm@2.1.0 --format markdown --output-file ict-qm-2.1.0.md --token demo-bob"})
public final class LedgerCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute every hash, the chains, the Merkle roots and checkpoint signatures.",
                "With --file, offline: an export (greenlight ledger export) and the ledger's public key are all"
                        + " it needs; no service is asked anything unless the key is not given."},
            footer = {"", "Examples:", "  greenlight ledger verify --token demo-bob",
                "  greenlight ledger verify --file ledger.jsonl --public-key ledger-key.b64",
                "  greenlight ledger verify --file ledger.jsonl --public-key ledger-keys.json"})
    int verify(@Option(names = "--file", paramLabel = "EXPORT", description = "Verify this JSON Lines export offline.")
               Path file,
               @Option(names = "--public-key", paramLabel = "KEY",
                       description = "The ledger's Ed25519 public key (base64 X.509) or its key ring (the JSON of"
                               + " GET /public-key: every key with its validity, for a ledger whose key was rotated),"
                               + " or a file holding either. Get it out of band for an audit; without it the ledger"
                               + " service's GET /public-key is used.")
               String publicKey,
               @Option(names = "--checkpoint", paramLabel = "FILE",
                       description = "Also prove (RFC 9162 consistency) that the export extends this checkpoint, saved"
                               + " earlier with 'greenlight ledger checkpoint'.") Path checkpoint,
               @Option(names = "--witness-key", paramLabel = "NAME=KEY", description = "A witness you trust: its name"
                       + " and verifier key (or a file holding it); repeatable.") Map<String, String> witnessKeys,
               @Option(names = "--min-witnesses", paramLabel = "N", defaultValue = "0", description = "Require N valid"
                       + " cosignatures of the --witness-key witnesses on the --checkpoint.") int minWitnesses,
               @Mixin ApiOptions options) {
        return run(() -> {
            if ((checkpoint != null || minWitnesses > 0) && (file == null || checkpoint == null)) {
                throw new ApiException(0, "--checkpoint and --min-witnesses need --file EXPORT (and --checkpoint)");
            }
            // Without --public-key: the whole key ring the service publishes (every key with its validity).
            String key = file == null || publicKey != null ? publicKey
                    : options.api().get(options.ledger(), "/api/v1/ledger/public-key").toString();
            JsonNode answer = file == null ? options.api().get(options.ledger(), "/api/v1/ledger/verify")
                    : new OfflineVerification(spec.commandLine().getErr()).verify(file, key);
            if (answer.path("ok").asBoolean() && checkpoint != null) {
                new SavedCheckpointVerification().check(file, key, checkpoint,
                        witnessKeys == null ? Map.of() : witnessKeys, minWitnesses).ifPresent(failure ->
                        ((tools.jackson.databind.node.ObjectNode) answer).put("ok", false).set("failure",
                                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                        .put("reason", failure.reason()).put("location", checkpoint.toString())
                                        .put("detail", failure.detail())));
            }
            boolean ok = answer.path("ok").asBoolean();
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                out.println(answer);
            } else if (ok) {
                out.println(Ansi.AUTO.string("@|green,bold OK|@  " + answer.path("entries").asLong() + " entries, "
                        + answer.path("checkpoints").asLong() + " checkpoints, tree size "
                        + answer.path("treeSize").asLong()));
            } else {
                JsonNode failure = answer.path("failure");
                out.println(Ansi.AUTO.string("@|red,bold BROKEN|@ " + failure.path("reason").asString() + " at "
                        + failure.path("location").asString() + ": " + failure.path("detail").asString()));
            }
            return ok ? 0 : 1;
        });
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Re-evaluate recorded gate decisions from their recorded evidence and policy.")
    int replay(@Option(names = "--release", description = "TARGET@VERSION or TARGET (default: all).") String release,
               @Mixin ApiOptions options) {
        return run(() -> {
            String query = release == null ? "" : "?release=" + URLEncoder.encode(release, StandardCharsets.UTF_8);
            JsonNode answer = options.api().get(options.ledger(), "/api/v1/ledger/replay" + query);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                out.println(answer);
            } else {
                out.println(Ansi.AUTO.string((answer.path("ok").asBoolean() ? "@|green,bold OK|@" : "@|red,bold NOT OK|@")
                        + "  replayed " + answer.path("replayed").asLong() + ", reproduced "
                        + answer.path("reproduced").asLong() + ", mismatched " + answer.path("mismatched").asLong()
                        + ", unreplayable " + answer.path("unreplayable").asLong()));
                for (JsonNode r : answer.path("results")) {
                    if (!"REPRODUCED".equals(r.path("status").asString())) {
                        out.println("  " + r.path("status").asString() + " " + r.path("release").asString() + " "
                                + r.path("stage").asString() + " " + r.path("decisionId").asString() + ": "
                                + r.path("detail").asString() + " " + r.path("differences"));
                    }
                }
            }
            return answer.path("ok").asBoolean() ? 0 : 1;
        });
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Export entries as JSON Lines, the format offline verification reads.",
                "The whole ledger, or an extract (one release and/or a period) whose entries carry inclusion proofs."},
            footer = {"", "Examples:", "  greenlight ledger export --file ledger.jsonl --token demo-bob",
                "  greenlight ledger export --from 2026-12-01T00:00:00Z --to 2027-01-01T00:00:00Z --file december.jsonl"
                        + " --token demo-bob"})
    int export(@Option(names = "--release", description = "Only this release's target.") String release,
               @Option(names = "--from", paramLabel = "INSTANT", description = "Entries recorded at or after (ISO-8601).")
               Instant from,
               @Option(names = "--to", paramLabel = "INSTANT", description = "Entries recorded before (ISO-8601).")
               Instant to,
               @Option(names = "--file", description = "Write here instead of standard output.") Path file,
               @Mixin ApiOptions options) {
        return run(() -> {
            List<String> params = new ArrayList<>();
            if (release != null) {
                params.add("release=" + URLEncoder.encode(release, StandardCharsets.UTF_8));
            }
            if (from != null) {
                params.add("from=" + from);
            }
            if (to != null) {
                params.add("to=" + to);
            }
            String query = params.isEmpty() ? "" : "?" + String.join("&", params);
            // Copied as it arrives, never held whole: a ledger's export grows with its history.
            try (InputStream lines = options.api().openText(options.ledger(), "/api/v1/ledger/export" + query,
                    Duration.ofMinutes(5))) {
                if (file == null) {
                    Writer out = spec.commandLine().getOut();
                    new InputStreamReader(lines, StandardCharsets.UTF_8).transferTo(out);
                    out.flush();
                    return 0;
                }
                long count = copy(lines, file);
                spec.commandLine().getOut().println("wrote " + count + " lines to " + file);
            } catch (IOException e) {
                throw new ApiException(0, "cannot write " + (file == null ? "the export" : file) + ": " + e.getMessage());
            }
            return 0;
        });
    }

    @Command(name = "proof", mixinStandardHelpOptions = true,
            description = "RFC 9162 inclusion proof of one entry, or consistency proof between two tree sizes.")
    int proof(@Option(names = "--index", description = "Leaf index of the entry.") Long index,
              @Option(names = "--first", description = "Older tree size (consistency proof).") Long first,
              @Option(names = "--second", description = "Newer tree size (consistency proof).") Long second,
              @Mixin ApiOptions options) {
        return run(() -> {
            String path = index != null ? "/api/v1/ledger/proof/inclusion?index=" + index
                    : "/api/v1/ledger/proof/consistency?first=" + first + "&second=" + second;
            if (index == null && (first == null || second == null)) {
                throw new ApiException(400, "give --index for an inclusion proof, or --first and --second");
            }
            spec.commandLine().getOut().println(options.api().get(options.ledger(), path).toPrettyString());
            return 0;
        });
    }

    private int run(java.util.function.IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return 3;
        }
    }

    /** Copies an export to {@code file} and counts its lines as {@code String.lines()} would. */
    private static long copy(InputStream in, Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (read > 0) {
                    last = buffer[read - 1];
                }
                out.write(buffer, 0, read);
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
