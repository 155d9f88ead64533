package dev.greenlight.ledger.kafka;

import dev.greenlight.events.CheckReported;
import dev.greenlight.events.CheckStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.ledger.domain.ChainHead;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.export.LedgerExporter;
import dev.greenlight.ledger.index.EntryQuery;
import dev.greenlight.ledger.index.IndexPage;
import dev.greenlight.ledger.index.IndexedLedger;
import dev.greenlight.ledger.index.LedgerIndex;
import dev.greenlight.ledger.index.LedgerListener;
import dev.greenlight.ledger.metrics.application.LedgerMetrics;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.CompactRange;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test: the ledger's memory against its history (docs/ledger.md §10 and §13). Fills the ledger
 * topic of an in-process broker with {@code entries} valid entries (hash chains on 3 partitions and a
 * signed checkpoint every 10,000, computed here and produced directly: far faster than the writer),
 * then runs the index, metrics, streaming verify and export in a child JVM capped at
 * {@code -Xmx512m} and prints: index build time, used heap after a GC, by-release query latency,
 * an extract and an inclusion proof, streaming verify time, export throughput, and a restart that
 * resumes from the stored offsets. Asserts nothing.
 * {@code java -Xmx1g -cp $CP dev.greenlight.ledger.kafka.IndexBenchmark [entries=1000000] [child-heap=512m]}.
 */
public final class IndexBenchmark {

    private static final int RELEASES = 1000;
    private static final int TARGETS = 50;
    private static final int CHECKPOINT_EVERY = 10_000;

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.greenlight");
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            return;
        }
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "512m";
        Path work = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "index-bench");
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "offsets.topic.replication.factor", "1",
                "log.dirs", work.resolve("kafka").toString()));
        broker.afterPropertiesSet();
        try {
            String servers = broker.getBrokersAsString();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
                admin.createTopics(List.of(Topics.LEDGER, Topics.LEDGER_CHECKPOINTS).stream()
                        .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs())).toList())
                        .all().get();
            }
            KeyPair keys = Ed25519Keys.generate();
            Files.write(work.resolve("public.key"), keys.getPublic().getEncoded());
            long start = System.nanoTime();
            fill(servers, count, keys);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("filled %,d entries in %.1f s (%,.0f/s), load average %.1f%n", count, seconds,
                    count / seconds, load());
            Process child = new ProcessBuilder("java", "-Xmx" + heap, "-XX:+UseG1GC", "-cp",
                    System.getProperty("java.class.path"), IndexBenchmark.class.getName(), "child", servers,
                    work.toString(), Long.toString(count)).inheritIO().start();
            System.out.println("child exited " + child.waitFor());
        } finally {
            broker.destroy();
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Same registration order in both JVMs, so the in-memory registries hand out the same ids. */
    private static InMemorySchemaRegistryClient registry() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        registry.register(Topics.CHECKS.name() + "-value", Topics.CHECKS.valueSchema());
        registry.register(Topics.LEDGER.name() + "-value", Topics.LEDGER.valueSchema());
        registry.register(Topics.LEDGER_CHECKPOINTS.name() + "-value", Topics.LEDGER_CHECKPOINTS.valueSchema());
        return registry;
    }

    private static void fill(String servers, long count, KeyPair keys) {
        InMemorySchemaRegistryClient registry = registry();
        AvroSerializer<Object> checks = new AvroSerializer<>(registry, Topics.CHECKS.valueSchema());
        AvroSerializer<Object> ledger = new AvroSerializer<>(registry, Topics.LEDGER.valueSchema());
        AvroSerializer<Object> checkpoints = new AvroSerializer<>(registry, Topics.LEDGER_CHECKPOINTS.valueSchema());
        int schemaId = registry.getId(Topics.CHECKS.name() + "-value", Topics.CHECKS.valueSchema()).orElseThrow();
        byte[][] payloads = new byte[RELEASES][];
        for (int r = 0; r < RELEASES; r++) {
            payloads[r] = checks.serialize(Topics.CHECKS.name(), CheckReported.newBuilder()
                    .setMeta(new EventMetadata("check-" + r, Instant.EPOCH.plusSeconds(r), "bench"))
                    .setTarget(target(r)).setVersion(version(r)).setName("unit-tests").setStatus(CheckStatus.PASS)
                    .setRevision("0123456789abcdef0123456789abcdef01234567").setStartedAt(Instant.EPOCH)
                    .setCompletedAt(Instant.EPOCH).setSummary("all 1,234 tests pass; coverage 87.5 % of lines")
                    .build());
        }
        CheckpointSigner signer = new CheckpointSigner(keys, Clock.systemUTC());
        int partitions = Topics.LEDGER.partitions();
        ChainHead[] heads = new ChainHead[partitions];
        for (int p = 0; p < partitions; p++) {
            heads[p] = ChainHead.empty(p);
        }
        CompactRange tree = new CompactRange();
        List<List<Entry>> pending = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            pending.add(new ArrayList<>());
        }
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers,
                "linger.ms", 20, "batch.size", 512 * 1024, "enable.idempotence", false, "acks", "1",
                "compression.type", "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                int r = (int) (i % RELEASES);
                int p = (int) (i % partitions);
                SourceEvent event = new SourceEvent(target(r), Topics.CHECKS.name(), 0, i, "evt-" + i,
                        CheckReported.getClassSchema().getFullName(), schemaId, payloads[r]);
                Entry entry = heads[p].append(event, t0.plusMillis(i));
                heads[p] = ChainHead.after(entry);
                pending.get(p).add(entry);
                producer.send(new ProducerRecord<>(Topics.LEDGER.name(), p, entry.target(),
                        ledger.serialize(Topics.LEDGER.name(), LedgerCodec.toAvro(entry))));
                if ((i + 1) % CHECKPOINT_EVERY == 0 || i + 1 == count) {
                    List<PartitionHead> covered = new ArrayList<>();
                    for (int q = 0; q < partitions; q++) {
                        pending.get(q).forEach(e -> tree.appendLeafHash(MerkleTree.leafHash(e.entryHash())));
                        pending.get(q).clear();
                        covered.add(heads[q].asPartitionHead());
                    }
                    Checkpoint checkpoint = signer.sign(tree.size(), tree.root(), covered);
                    producer.send(new ProducerRecord<>(Topics.LEDGER_CHECKPOINTS.name(), 0, "ledger",
                            checkpoints.serialize(Topics.LEDGER_CHECKPOINTS.name(), LedgerCodec.toAvro(checkpoint))));
                }
                if ((i + 1) % 1_000_000 == 0) {
                    System.out.printf("  produced %,d%n", i + 1);
                }
            }
        }
    }

    private static String target(int release) {
        return "target-" + (release % TARGETS);
    }

    private static String version(int release) {
        return "1." + (release / TARGETS) + ".0";
    }

    private static void child(String servers, Path work, long count) throws Exception {
        InMemorySchemaRegistryClient registry = registry();
        PublicKey publicKey = Ed25519Keys.publicKey(Files.readAllBytes(work.resolve("public.key")));
        Map<String, Object> config = Map.of("bootstrap.servers", servers);
        Path dir = work.resolve("index");
        System.out.printf("child: max heap %,d MiB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        LedgerMetrics metrics = new LedgerMetrics(new SimpleMeterRegistry(), Duration.ofDays(7));
        IndexedLedger indexed = new IndexedLedger(new LedgerTail(config, registry), registry,
                new StaticListableBeanFactory(Map.of("metrics", metrics)).getBeanProvider(LedgerListener.class),
                LedgerIndex.open(dir, Topics.LEDGER.partitions()));
        long start = System.nanoTime();
        indexed.refresh();
        double build = (System.nanoTime() - start) / 1e9;
        System.out.printf("index build: %,d entries in %.1f s (%,.0f entries/s), load average %.1f%n", indexed.size(),
                build, indexed.size() / build, load());
        System.out.printf("heap used after GC: %,d MiB (index on disk: %,d MiB)%n", heapAfterGc(), du(dir));

        LedgerIndex index = indexed.current();
        long queries = 0;
        long nanos = 0;
        long found = 0;
        for (int r = 0; r < RELEASES; r += 37) {
            long t = System.nanoTime();
            IndexPage page = index.query(new EntryQuery(target(r) + "@" + version(r), null, null, null, 3, 50));
            nanos += System.nanoTime() - t;
            found += page.total();
            queries++;
        }
        System.out.printf("by-release query (page 4 of 50, total counted): %.1f ms mean over %d releases of ~%,d "
                + "entries each%n", nanos / 1e6 / queries, queries, found / queries);

        long t = System.nanoTime();
        CountingStream extractBytes = new CountingStream();
        try (Writer out = new OutputStreamWriter(extractBytes, StandardCharsets.UTF_8)) {
            LedgerExporter.exportExtract(index, Topics.LEDGER.partitions(), target(7) + "@" + version(7), null, null,
                    out);
        }
        System.out.printf("extract of one release with inclusion proofs: %,d lines in %.2f s%n", extractBytes.lines,
                (System.nanoTime() - t) / 1e9);

        t = System.nanoTime();
        index.inclusionProof(index.treeSize() / 2, index.treeSize());
        System.out.printf("inclusion proof at tree size %,d: %.1f ms%n", index.treeSize(),
                (System.nanoTime() - t) / 1e6);

        LedgerStreams streams = new LedgerStreams(config, registry);
        t = System.nanoTime();
        VerificationReport report;
        try (LedgerStreams.Ledger ledger = streams.open()) {
            report = new LedgerVerifier(publicKey).verify(ledger.partitions(), ledger.checkpoints());
        }
        double verify = (System.nanoTime() - t) / 1e9;
        System.out.printf("streaming verify: %,d entries, %,d checkpoints, ok=%s in %.1f s (%,.0f entries/s); heap "
                + "after GC %,d MiB%n", report.entries(), report.checkpoints(), report.ok(), verify,
                report.entries() / verify, heapAfterGc());

        t = System.nanoTime();
        CountingStream exported = new CountingStream();
        try (LedgerStreams.Ledger ledger = streams.open();
                Writer out = new OutputStreamWriter(exported, StandardCharsets.UTF_8)) {
            LedgerExporter.exportAll(ledger.partitions(), ledger.checkpoints(), out);
        }
        double export = (System.nanoTime() - t) / 1e9;
        System.out.printf("streaming export: %,d lines, %,d MB in %.1f s (%,.0f lines/s, %.1f MB/s)%n", exported.lines,
                exported.bytes / 1_000_000, export, exported.lines / export, exported.bytes / 1e6 / export);

        indexed.close();
        metrics = new LedgerMetrics(new SimpleMeterRegistry(), Duration.ofDays(7));
        IndexedLedger restarted = new IndexedLedger(new LedgerTail(config, registry), registry,
                new StaticListableBeanFactory(Map.of("metrics", metrics)).getBeanProvider(LedgerListener.class),
                LedgerIndex.open(dir, Topics.LEDGER.partitions()));
        t = System.nanoTime();
        restarted.refresh();
        System.out.printf("restart: resumed at %,d entries in %.2f s (nothing re-read); heap after GC %,d MiB%n",
                restarted.size(), (System.nanoTime() - t) / 1e9, heapAfterGc());
        restarted.close();
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long du(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20;
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Counts what an HTTP client would receive. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
