package dev.greenlight.gate.bench;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.pass;
import static dev.greenlight.evidence.EvidenceEvents.release;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.MutableClock;
import dev.greenlight.gate.decision.domain.Coalescing;
import dev.greenlight.gate.decision.kafka.GateTopology;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.parser.PolicyParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;

/**
 * Not a test: measures the evaluator with 10,000 releases in flight (2,000 RL-policy targets × 5
 * versions, gated by the shipped rl-policy-go-nogo policy) through the real topology in a
 * TopologyTestDriver, plus the latency of one {@code PolicyEngine.evaluate()} call. The stores are
 * in-memory here: the driver commits (and so flushes RocksDB) after every record, which a real
 * instance does every commit interval, so persistent stores would measure the driver.
 *
 * <p>Run from the repository root (see docs/policy.md, "Streaming evaluator"):
 * {@code ./mvnw -B -q -pl services/gate-evaluator -am test-compile exec:java -Dexec.mainClass=dev.greenlight.gate.bench.GateBenchmark -Dexec.classpathScope=test}
 */
public final class GateBenchmark {

    private static final int TARGETS = 2_000;
    private static final int VERSIONS = 5;
    private static final int EVENTS = 10_000;
    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private GateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.greenlight");
        Path policyFile = Path.of(args.length > 0 ? args[0] : "policies/rl-policy-go-nogo.yaml");
        if (!Files.exists(policyFile)) {
            policyFile = Path.of("../../policies/rl-policy-go-nogo.yaml");
        }
        String text = Files.readString(policyFile);
        Policy policy = new PolicyParser().parse(policyFile.getFileName().toString(), text);
        PolicyCatalog catalog = new PolicyCatalog(List.of(new LoadedPolicy(policy, text, policyFile.toString())));
        engineLatency(policy);
        topologyThroughput(catalog, policy.stages().size());
    }

    /** p50/p99 of one evaluate() on a realistic evidence snapshot. */
    private static void engineLatency(Policy policy) {
        ReleaseRegistered registered = release("r", "rl-policy-0", "1.0.0", ReleaseType.MODEL, T);
        List<SpecificRecord> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(metric("m" + i, "rl-policy-0", null, "policy_entropy", 0.9 + i % 10 / 100.0,
                    T.minusSeconds(i * 60L)));
            events.add(pass("c" + i, "rl-policy-0", "1.0.0", i % 2 == 0 ? "validation-48h" : "security-scan",
                    T.minusSeconds(i * 600L), Duration.ofHours(48)));
        }
        Evidence evidence = EvidenceFold.fold(registered, events);
        PolicyEngine engine = new PolicyEngine();
        String stage = policy.stages().get(policy.stages().size() - 1).name();
        for (int i = 0; i < 20_000; i++) {
            engine.evaluate(policy, stage, evidence, T.plusMillis(i)); // warm-up
        }
        int runs = 50_000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            engine.evaluate(policy, stage, evidence, T.plusMillis(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("evaluate() on %d evidence items, stage %s: p50 %.1f µs, p99 %.1f µs%n",
                evidence.evidenceIds().size(), stage, nanos[runs / 2] / 1e3, nanos[runs * 99 / 100] / 1e3);
    }

    /** Evidence events per second, evaluations per second and per-event latency through the topology. */
    private static void topologyThroughput(PolicyCatalog catalog, int stages) throws Exception {
        MutableClock clock = new MutableClock(T);
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        StreamsBuilder builder = new StreamsBuilder();
        // Every sample evaluated at once (no coalescing): this measures the cost of an evaluation.
        GateTopology.build(builder, serdes, catalog, clock, Duration.ofSeconds(1), GateTopology.DEFAULT_CACHED_TARGETS,
                Coalescing.NONE, Stores::inMemoryKeyValueStore);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "gate-benchmark");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("gate-benchmark").toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config, T)) {
            TestInputTopic<String, ReleaseRegistered> releases = driver.createInputTopic(Topics.RELEASES.name(),
                    new StringSerializer(), serdes.forTopic(Topics.RELEASES).serializer());
            TestInputTopic<String, MetricObserved> metrics = driver.createInputTopic(Topics.METRICS.name(),
                    new StringSerializer(), serdes.forTopic(Topics.METRICS).serializer());
            TestOutputTopic<String, GateDecided> decisions = driver.createOutputTopic(Topics.DECISIONS.name(),
                    new StringDeserializer(), serdes.forTopic(Topics.DECISIONS).deserializer());

            long registerStart = System.nanoTime();
            for (int t = 0; t < TARGETS; t++) {
                for (int v = 0; v < VERSIONS; v++) {
                    String target = "rl-policy-" + t;
                    releases.pipeInput(target, release("r-" + t + "-" + v, target, "1.0." + v, ReleaseType.MODEL, T));
                }
            }
            double registerSeconds = (System.nanoTime() - registerStart) / 1e9;
            long emittedAtRegistration = decisions.getQueueSize();
            decisions.readValuesToList();
            System.out.printf("registered %,d releases in %.1f s (%,d decisions emitted)%n", TARGETS * VERSIONS,
                    registerSeconds, emittedAtRegistration);

            long[] nanos = new long[EVENTS];
            // CPU time of this thread (the driver processes on it) as well as wall time: on a
            // shared machine wall time mostly measures the other processes.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                String target = "rl-policy-" + (i % TARGETS);
                clock.advance(Duration.ofMillis(10));
                MetricObserved sample = metric("e" + i, target, null, "policy_entropy", i % 3 == 0 ? 0.5 : 0.95,
                        clock.instant());
                long one = System.nanoTime();
                metrics.pipeInput(target, sample);
                nanos[i] = System.nanoTime() - one;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            long evaluations = (long) EVENTS * VERSIONS * stages;
            Arrays.sort(nanos);
            System.out.printf("%,d evidence events with %,d releases in flight: %.0f events/s, %.0f stage"
                            + " evaluations/s, %,d decisions emitted%n", EVENTS, TARGETS * VERSIONS, EVENTS / seconds,
                    evaluations / seconds, decisions.getQueueSize());
            System.out.printf("per CPU second of the processing thread: %.0f events/s (%.2f ms CPU per event)%n",
                    EVENTS / cpuSeconds, cpuSeconds * 1e3 / EVENTS);
            System.out.printf("evidence event -> decision written (in-process, no broker): p50 %.2f ms, p99 %.2f ms%n",
                    nanos[EVENTS / 2] / 1e6, nanos[EVENTS * 99 / 100] / 1e6);
        }
    }
}
