package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.VerificationBound;
import dev.greenlight.platform.topics.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * The audit ledger: how fast it appends while ingest runs (entries on the ledger topic per second,
 * from the first ingest request until the ledger stops growing), and how fast {@code GET
 * /api/v1/ledger/verify} verifies it next to the bare SHA-256 rate over the same entries
 * ({@link VerificationBound}), which the benchmark computes from the ledger's own export.
 */
final class LedgerBench {

    private final BenchStack stack;
    private final BenchHttp http;
    private long startEntries;
    private long startNanos;
    /** Reads the ledger's end offsets; closed once the append rate is measured. */
    private KafkaConsumer<byte[], byte[]> offsets;

    LedgerBench(BenchStack stack, BenchHttp http) {
        this.stack = stack;
        this.http = http;
    }

    private long ledgerEntries() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.LEDGER.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.LEDGER.name(), p));
        }
        if (offsets == null) {
            offsets = new KafkaConsumer<>(new HashMap<>(stack.superUser()), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            // Assigned, though it never polls: endOffsets on partitions a consumer is not assigned
            // logs "Not updating high watermark ... no longer assigned" for each of them, per call.
            offsets.assign(partitions);
        }
        return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Call when the load that the ledger records starts. */
    void loadStarts() {
        startEntries = ledgerEntries();
        startNanos = System.nanoTime();
    }

    /**
     * Call when the load has been sent: follows the ledger until it has not grown for three seconds.
     *
     * @return the figures of the append rate and the verify rate
     */
    Section measure(KafkaCeilings.Result raw, Duration atMost) throws Exception {
        List<String> notes = new ArrayList<>();
        long last = ledgerEntries();
        long lastGrowth = System.nanoTime();
        long deadline = lastGrowth + atMost.toNanos();
        while (System.nanoTime() - lastGrowth < Duration.ofSeconds(3).toNanos() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            long now = ledgerEntries();
            if (now > last) {
                last = now;
                lastGrowth = System.nanoTime();
            }
        }
        offsets.close();
        offsets = null;
        double appendSeconds = (lastGrowth - startNanos) / 1e9;
        double appends = (last - startEntries) / appendSeconds;
        notes.add(String.format(Locale.ROOT, "%,d entries appended in %.1f s, from the first ingest request until the "
                + "ledger stopped growing: bounded by the offered load", last - startEntries, appendSeconds));

        long verifyStart = System.nanoTime();
        BenchHttp.Reply verify = http.get(stack.url(StackService.AUDIT_LEDGER) + "/api/v1/ledger/verify", "bob");
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        JsonNode report = LedgerJson.MAPPER.readTree(verify.body());
        if (!report.path("ok").asBoolean()) {
            notes.add("the ledger did NOT verify: " + report.path("failure"));
        }
        long verified = report.path("entries").asLong();
        double verifyRate = verified / verifySeconds;

        List<Entry> entries = new ArrayList<>();
        long leaves = export(entries);
        byte[][] messages = VerificationBound.messages(entries, leaves);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            VerificationBound.hashAll(messages);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        double bound = entries.size() / best;
        notes.add(String.format(Locale.ROOT, "verify: %,d entries in %.2f s through GET /api/v1/ledger/verify (reading "
                + "the topic, decoding, completeness included); bound: SHA-256 alone over the same %,d entries "
                + "of the export, one thread, best of 3", verified, verifySeconds, entries.size()));
        return Section.measured("ledger", "Audit ledger", List.of(
                new Figure("appends while ingesting", appends, "entries/s", raw.producerPerSecond(), "raw producer rec/s"),
                new Figure("verify (service API)", verifyRate, "entries/s", bound, "SHA-256 bound, same entries")), notes);
    }

    /** Streams the whole-ledger export, keeping the entries; returns the latest checkpoint's tree size. */
    private long export(List<Entry> entries) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(StackService.AUDIT_LEDGER)
                        + "/api/v1/ledger/export"))
                .header("Authorization", "Bearer demo-bob").timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ledger export answered " + response.statusCode());
        }
        long leaves = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode node = LedgerJson.MAPPER.readTree(line);
                switch (node.path("type").asString("")) {
                    case "entry" -> entries.add(LedgerJson.entry(node));
                    case "checkpoint" -> leaves = Math.max(leaves, node.path("treeSize").asLong());
                    default -> {
                        // header and foreign lines carry nothing the bound hashes
                    }
                }
            }
        }
        return leaves;
    }

}
