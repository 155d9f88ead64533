package dev.greenlight.gate.bench;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.decision.kafka.GateTopology;
import dev.greenlight.gate.decision.kafka.TransactionalTestBroker;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test: end-to-end latency of the gate over a real broker. An in-process KRaft broker, the
 * gate topology with RocksDB stores and the Kafka Streams settings shipped in
 * {@code gate-evaluator.yml} (exactly_once_v2, commit interval, producer linger), 10,000 releases
 * in flight (2,000 RL-policy targets × 5 versions). Evidence is published with an {@code acks=all}
 * producer; latency runs from the producer's acknowledgement to the first {@code GateDecided}
 * citing the event being returned to a {@code read_committed} consumer. Every metric flips the
 * policy_entropy criterion, so every event yields a decision per release of its target.
 *
 * <p>Phases: register the releases; a burst of 10,000 events as fast as the producer goes
 * (decisions/s, with queueing); then 1,000 events paced at 100/s (latency without a backlog).
 * Any system property {@code streams.X=V} overrides Streams setting X, e.g.
 * {@code -Dstreams.commit.interval.ms=100} to compare with the EOS default.
 *
 * <p>Run from the repository root: see docs/policy.md, "Benchmarks".
 */
public final class GateLatencyBenchmark {

    private static final int TARGETS = 2_000;
    private static final int VERSIONS = 5;
    private static final int BURST_EVENTS = 10_000;
    private static final int PACED_EVENTS = 1_000;
    private static final Duration PACE = Duration.ofMillis(10);
    private static final Duration AT_MOST = Duration.ofMinutes(15);
    private static final List<Topic<?>> TOPICS = List.of(Topics.RELEASES, Topics.CHECKS, Topics.ALERTS,
            Topics.METRICS, Topics.APPROVALS, Topics.DECISIONS);

    private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> decidedAt = new ConcurrentHashMap<>();
    private final AtomicLong decisions = new AtomicLong();
    private final int[] sentPerTarget = new int[TARGETS];
    private int sent;

    private GateLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.greenlight");
        Path policies = Path.of(args.length > 0 ? args[0] : "policies");
        if (!Files.isDirectory(policies)) {
            policies = Path.of("../../policies");
        }
        EmbeddedKafkaKraftBroker broker = TransactionalTestBroker.start(TOPICS);
        try {
            new GateLatencyBenchmark().run(broker.getBrokersAsString(), PolicyCatalog.load(policies));
        } finally {
            broker.destroy();
        }
    }

    private void run(String brokers, PolicyCatalog catalog) throws Exception {
        TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
        Properties streamsConfig = streamsConfig(brokers);
        System.out.println("Streams settings: " + streamsConfig);
        StreamsBuilder builder = new StreamsBuilder();
        // The service's default tick: metric samples are coalesced and evaluated at the next one
        // (greenlight.gate.coalesce-every, 100 ms), so the latency includes that wait.
        GateTopology.build(builder, serdes, catalog, Clock.systemUTC(), Duration.ofMillis(100));
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readDecisions(brokers, serdes, reading), "decision-reader");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig);
             KafkaProducer<String, SpecificRecord> producer = producer(brokers, serdes)) {
            reader.start();
            streams.start();
            await().atMost(AT_MOST).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            long start = System.nanoTime();
            for (int t = 0; t < TARGETS; t++) {
                for (int v = 0; v < VERSIONS; v++) {
                    String target = target(t);
                    producer.send(new ProducerRecord<>(Topics.RELEASES.name(), target,
                            release("r-" + t + "-" + v, target, "1.0." + v, ReleaseType.MODEL, Instant.now())));
                }
            }
            producer.flush();
            // Each release is decided once per stage on registration.
            long expected = (long) TARGETS * VERSIONS * catalog.byName("rl-policy-go-nogo").orElseThrow().stages().size();
            await().atMost(AT_MOST).pollInterval(Duration.ofMillis(200)).until(() -> decisions.get() >= expected);
            System.out.printf("registered %,d releases: %,d decisions readable after %.1f s%n", TARGETS * VERSIONS,
                    decisions.get(), (System.nanoTime() - start) / 1e9);

            burst(producer);
            paced(producer);
        } finally {
            reading.set(false);
            reader.join();
        }
    }

    /** As fast as the producer goes: how many decisions per second the gate sustains. */
    private void burst(KafkaProducer<String, SpecificRecord> producer) {
        long decisionsBefore = decisions.get();
        int first = sent;
        long start = System.nanoTime();
        for (int i = 0; i < BURST_EVENTS; i++) {
            send(producer);
        }
        producer.flush();
        awaitDecided(first, sent);
        double seconds = (System.nanoTime() - start) / 1e9;
        long decided = decisions.get() - decisionsBefore;
        System.out.printf("burst: %,d evidence events -> %,d decisions in %.1f s: %.0f events/s, %.0f decisions/s"
                + " (10,000 releases in flight)%n", BURST_EVENTS, decided, seconds, BURST_EVENTS / seconds,
                decided / seconds);
        report("burst (includes queueing)", first, sent);
    }

    /** A steady 100 events/s: the latency a single piece of evidence sees. */
    private void paced(KafkaProducer<String, SpecificRecord> producer) {
        int first = sent;
        long next = System.nanoTime();
        for (int i = 0; i < PACED_EVENTS; i++) {
            send(producer);
            next += PACE.toNanos();
            LockSupport.parkNanos(next - System.nanoTime());
        }
        producer.flush();
        awaitDecided(first, sent);
        report("paced at 100 events/s", first, sent);
    }

    private void send(KafkaProducer<String, SpecificRecord> producer) {
        int t = sent % TARGETS;
        String target = target(t);
        String id = "e" + sent;
        // Alternating below and above the 0.9 threshold flips the criterion, so every event is decided.
        double entropy = sentPerTarget[t]++ % 2 == 0 ? 0.5 : 0.95;
        producer.send(new ProducerRecord<>(Topics.METRICS.name(), target,
                        metric(id, target, null, "policy_entropy", entropy, Instant.now())),
                (metadata, error) -> {
                    if (error == null) {
                        ackedAt.put(id, System.nanoTime());
                    }
                });
        sent++;
    }

    private void awaitDecided(int from, int to) {
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (int i = from; i < to; i++) {
                if (!decidedAt.containsKey("e" + i) || !ackedAt.containsKey("e" + i)) {
                    return false;
                }
            }
            return true;
        });
    }

    private void report(String phase, int from, int to) {
        long[] nanos = new long[to - from];
        for (int i = from; i < to; i++) {
            nanos[i - from] = decidedAt.get("e" + i) - ackedAt.get("e" + i);
        }
        Arrays.sort(nanos);
        System.out.printf("%s: evidence acknowledged -> GateDecided readable (read_committed): p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms over %,d events%n", phase, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length);
    }

    /** Records when each evidence id is first cited by a committed decision. */
    private void readDecisions(String brokers, TopicSerdes serdes, AtomicBoolean reading) {
        try (KafkaConsumer<String, GateDecided> consumer = TransactionalTestBroker.committedDecisions(brokers, serdes)) {
            while (reading.get()) {
                for (ConsumerRecord<String, GateDecided> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    decisions.incrementAndGet();
                    record.value().getEvidenceIds().forEach(id -> decidedAt.putIfAbsent(id, now));
                }
            }
        }
    }

    private static KafkaProducer<String, SpecificRecord> producer(String brokers, TopicSerdes serdes) {
        return TransactionalTestBroker.evidenceProducer(brokers, serdes, Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    /** The service's shipped Streams settings, plus {@code -Dstreams.X=V} overrides. */
    private static Properties streamsConfig(String brokers) throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("gate-evaluator.yml"));
        Properties shipped = yaml.getObject();
        String prefix = "spring.kafka.streams.properties.";
        Properties config = new Properties();
        // YAML numbers load as Integer, which Properties.stringPropertyNames() would skip.
        shipped.forEach((key, value) -> {
            if (key.toString().startsWith(prefix)) {
                config.put(key.toString().substring(prefix.length()), value.toString());
            }
        });
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("streams."))
                .forEach(k -> config.put(k.substring("streams.".length()), System.getProperty(k)));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "gate-latency-benchmark");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("gate-latency").toString());
        return config;
    }

    private static String target(int t) {
        return "rl-policy-" + t;
    }
}
