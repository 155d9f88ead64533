package dev.greenlight.console.ledger.application;

import dev.greenlight.console.actions.application.Actions;
import dev.greenlight.console.actions.application.ApiAnswer;
import dev.greenlight.console.signin.application.ConsoleUser;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.OfflineLedgerVerifier;
import dev.greenlight.ledger.verify.VerificationReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/**
 * "Verify now" with real progress. The ledger's own {@code GET /verify} answers once, at the end;
 * so the console, as the person, first streams the whole export ({@code GET /export}, counting the
 * entries as they arrive against the ledger's size) and verifies it with the auditors' own
 * verifier ({@link OfflineLedgerVerifier}: every chain, checkpoint signature and inclusion proof,
 * against the key ring the ledger publishes), then asks the ledger's own verification, which adds
 * what an export cannot show (no source record left unrecorded). Both verdicts are shown.
 *
 * <p>One verification runs at a time (a single worker); others queue. A verification is visible
 * only to the person who started it.
 */
public final class LedgerVerification {

    private static final String ENTRY_LINE = "{\"type\":\"entry\",";
    private static final int KEPT = 20;

    private final Actions actions;
    private final LongSupplier ledgerSize;
    private final ExecutorService worker;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public LedgerVerification(Actions actions, LongSupplier ledgerSize, ExecutorService worker) {
        this.actions = actions;
        this.ledgerSize = ledgerSize;
        this.worker = worker;
    }

    /** Where a verification stands; {@code total} is the ledger's size when it started. */
    public record Progress(String id, String phase, long fetched, long verified, long total, boolean done,
                           boolean ok, String result, String ledgerAnswer) {

        /** Share done, 0-100, for a progress bar: fetching is the first half, verifying the second. */
        public int percent() {
            if (done) {
                return 100;
            }
            long all = Math.max(1, total);
            return (int) Math.min(99, (50 * Math.min(fetched, all) + 50 * Math.min(verified, all)) / all);
        }
    }

    /** Queues a verification as {@code user}; its id. */
    public String start(ConsoleUser user) {
        Job job = new Job(UUID.randomUUID().toString(), user.actor().name(), ledgerSize.getAsLong());
        synchronized (jobs) {
            jobs.put(job.id, job);
            if (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        worker.submit(() -> run(job, user));
        return job.id;
    }

    /** The verification {@code id}, if {@code user} started it. */
    public Optional<Progress> progress(String id, ConsoleUser user) {
        Job job;
        synchronized (jobs) {
            job = jobs.get(id);
        }
        return job == null || !job.owner.equals(user.actor().name()) ? Optional.empty() : Optional.of(job.snapshot());
    }

    private void run(Job job, ConsoleUser user) {
        Path export = null;
        try {
            job.phase = "fetching the export";
            ApiAnswer keys = actions.ledgerKeys(user);
            if (!keys.ok()) {
                job.finish(false, "Could not read the ledger's keys (" + keys.status() + "): " + keys.reason(), null);
                return;
            }
            export = Files.createTempFile("console-ledger-", ".jsonl");
            ApiAnswer streamed;
            try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
                streamed = actions.ledgerExport(user, line -> {
                    write(out, line);
                    if (line.startsWith(ENTRY_LINE)) {
                        job.fetched++;
                    }
                });
            }
            if (!streamed.ok()) {
                job.finish(false, "Could not export the ledger (" + streamed.status() + "): " + streamed.reason(), null);
                return;
            }
            job.total = Math.max(job.total, job.fetched);
            job.phase = "verifying chains, checkpoints and proofs";
            VerificationReport report = new OfflineLedgerVerifier((entries, total) -> job.verified = entries, 1)
                    .verify(export, LedgerKeyRing.parse(keys.text()));
            job.verified = report.entries();
            job.phase = "asking the ledger's own verification";
            ApiAnswer ledger = actions.verifyLedger(user);
            boolean ledgerOk = ledger.ok() && ledger.json() != null && ledger.json().path("ok").asBoolean(false);
            String exportVerdict = report.ok()
                    ? "Export verified: " + report.entries() + " entries, " + report.checkpoints() + " checkpoint(s), tree size "
                            + report.treeSize() + ", " + report.uncheckpointed() + " not yet checkpointed."
                    : "Export NOT verified: " + report.failure().map(f -> f.reason() + " at " + f.location() + ": " + f.detail())
                            .orElse("");
            String ledgerVerdict = ledgerOk ? " The ledger's own verification agrees (every source record recorded)."
                    : " The ledger's own verification says no (" + ledger.status() + ").";
            job.finish(report.ok() && ledgerOk, exportVerdict + ledgerVerdict, ledger.ok() ? ledger.text() : ledger.reason());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            job.finish(false, "Verification could not run: " + e.getMessage(), null);
        } finally {
            if (export != null) {
                try {
                    Files.deleteIfExists(export);
                } catch (IOException ignored) {
                    // a temporary file left behind is the only consequence
                }
            }
        }
    }

    private static void write(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One verification's state, written by the worker and read by pages. */
    private static final class Job {
        final String id;
        final String owner;
        volatile long total;
        volatile String phase = "queued";
        volatile long fetched;
        volatile long verified;
        volatile boolean done;
        volatile boolean ok;
        volatile String result;
        volatile String ledgerAnswer;

        Job(String id, String owner, long total) {
            this.id = id;
            this.owner = owner;
            this.total = total;
        }

        void finish(boolean ok, String result, String ledgerAnswer) {
            this.ok = ok;
            this.result = result;
            this.ledgerAnswer = ledgerAnswer;
            this.phase = "done";
            this.done = true;
        }

        Progress snapshot() {
            return new Progress(id, phase, fetched, verified, total, done, ok, result, ledgerAnswer);
        }
    }
}
