package dev.greenlight.gate.decision.kafka;

import static dev.greenlight.evidence.EvidenceEvents.metric;
import static dev.greenlight.evidence.EvidenceEvents.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.gate.decision.domain.Coalescing;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.testing.ThreadCpu;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.evidence.SeriesCitation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/**
 * Issue #13 item 2 through a real broker: one target receives a burst of metric samples (100 k by
 * default; {@code -Dgreenlight.hot.samples=1000000} for the million) while other targets
 * register releases at a steady pace. The gate runs as the service ships it (RocksDB stores,
 * {@code gate-evaluator.yml}'s Streams settings: exactly-once, 20 ms commits), with the service's
 * defaults: samples coalesced per 100 ms tick, incremental metric evaluation, other evidence allowed
 * ahead of a sample backlog ({@link EvidenceAhead}).
 *
 * <p>Asserted is behaviour, never speed: every other target's registration is decided, correctly,
 * and decisions of other targets become visible while the burst is still being absorbed; the hot
 * target's final decision counts every sample of the burst exactly once (its citation's count) and
 * judges the latest one; the hot target was decided at most once per tick or thousand samples
 * (coalesced, not per sample) and no decision grew with the burst; nothing was doubled (each other
 * release decided once, no hot decision twice, none counting more samples than were sent). The
 * figures — how long the burst took to absorb, other targets' evidence-to-decision p50/p99 for the
 * registrations acknowledged during the burst, on the hot partition and on the others, the load
 * average — are printed for docs/performance.md, never asserted, next to their ceiling measured in the same
 * run: the same pace of records through an exactly-once copy with the gate's settings and no gate logic
 * ({@link EchoCeiling}). {@code -Dstreams.<setting>=<value>}
 * overrides one of the shipped Streams settings, e.g. to compare thread counts in one session.
 */
class HotTargetIsolationIT {

    private static final int SAMPLES = Integer.getInteger("greenlight.hot.samples", 100_000);
    /** Registrations of other targets per second while the burst is absorbed. */
    private static final int OTHERS_PER_SECOND = 25;
    private static final int MAX_OTHERS = 5_000;
    /** Generous, for a loaded machine: waits are for behaviour, never a speed requirement. */
    private static final Duration AT_MOST = Duration.ofMinutes(10).plusMillis(SAMPLES * 3L);
    private static final String HOT = "metric-hot";
    /**
     * {@code -Dgreenlight.hot.warmup=N}: N samples for another target, absorbed before the measured burst,
     * so the figures are a warm JVM's (default 0: a cold one, the JIT compiling during the burst).
     */
    private static final int WARMUP = Integer.getInteger("greenlight.hot.warmup", 0);
    private static final String WARM = "metric-warm";
    /** The service's coalescing tick ({@code greenlight.gate.coalesce-every}). */
    private static final Duration TICK = Duration.ofMillis(100);
    /** The service's punctuation for wake-ups ({@code greenlight.gate.punctuate-every}). */
    private static final Duration PUNCTUATE_EVERY = Duration.ofSeconds(1);
    private static final List<Topic<?>> TOPICS = List.of(Topics.RELEASES, Topics.CHECKS, Topics.ALERTS,
            Topics.METRICS, Topics.APPROVALS, Topics.ROLLOUTS, Topics.HOLDS, Topics.DECISIONS);

    private static EmbeddedKafkaKraftBroker broker;

    private final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistryClient(), true);
    /** The gate's state directory, deleted when the test ends. */
    private Path stateDir;
    private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> partitionOf = new ConcurrentHashMap<>();
    private final Map<String, String> targetOf = new ConcurrentHashMap<>();
    private final Map<String, Long> decidedAt = new ConcurrentHashMap<>();
    private final Map<String, GateDecided> othersDecided = new ConcurrentHashMap<>();
    /** How many GateDecided name each other release: one each, or something was doubled. */
    private final Map<String, AtomicLong> othersDecisionCount = new ConcurrentHashMap<>();
    private final List<GateDecided> hotDecisions = new CopyOnWriteArrayList<>();
    private final AtomicReference<GateDecided> hotFinal = new AtomicReference<>();
    private final AtomicLong hotFinalAt = new AtomicLong();
    private final AtomicBoolean warmedUp = new AtomicBoolean();

    @BeforeAll
    static void broker() {
        broker = TransactionalTestBroker.start(TOPICS);
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void aBurstForOneTargetIsAbsorbedCoalesced_whileOtherTargetsAreDecidedAsTheirEvidenceArrives() throws Exception {
        String brokers = broker.getBrokersAsString();
        DecisionPathProbe.reset();
        PolicyCatalog catalog = PolicyCatalog.load(Path.of("src/test/resources/test-policies"));
        StreamsBuilder builder = new StreamsBuilder();
        GateTopology.build(builder, serdes, catalog, Clock.systemUTC(), PUNCTUATE_EVERY, TICK,
                GateTopology.DEFAULT_CACHED_TARGETS, new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES),
                true, GateTopology.DEFAULT_EVIDENCE_AHEAD, Stores::persistentKeyValueStore);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicBoolean registering = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readDecisions(brokers, reading), "decision-reader");
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // As the service wires it (GateTopologyConfiguration); -Dgreenlight.hot.evidence-first=false: Streams'
        // default consumer, for a same-session comparison.
        KafkaClientSupplier clients = Boolean.parseBoolean(System.getProperty("greenlight.hot.evidence-first", "true"))
                ? new EvidenceFirstClientSupplier() : new org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig(brokers), clients);
             KafkaProducer<String, SpecificRecord> producer = producer(brokers, 0);
             EchoCeiling echo = EchoCeiling.start(brokers, shippedStreamsConfig())) {
            reader.start();
            streams.start();
            await().atMost(AT_MOST).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            Instant base = Instant.now().minusMillis(SAMPLES + 60_000L);
            send(producer, Topics.RELEASES, HOT, release("hot-r1", HOT, "1.0.0", ReleaseType.BUGFIX, base));
            producer.flush();
            await().atMost(AT_MOST).until(() -> !hotDecisions.isEmpty());

            if (WARMUP > 0) {
                // A warm JVM, as a long-running gate is: the compilers' start-up work (the broker's, the
                // clients' and the gate's code alike) done before the measured burst, not during it.
                send(producer, Topics.RELEASES, WARM, release("warm-r1", WARM, "1.0.0", ReleaseType.BUGFIX, base));
                producer.flush();
                burst(brokers, WARM, "warm-", WARMUP, base);
                await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(warmedUp::get);
            }
            List<String> others = Collections.synchronizedList(new ArrayList<>());
            Thread registrations = new Thread(() -> registerOthers(producer, echo, registering, others), "others");
            long burstStart = System.nanoTime();
            ThreadCpu<StreamThreadPart> cpuAtStart = ThreadCpu.now(StreamThreadPart.PARTS);
            OsThreadCpu osAtStart = OsThreadCpu.now();
            List<Long> gcPauses = ThreadCpu.gcPausesFromNow();
            Map<String, Double> commitsAtStart = StreamsPhases.commits(streams);
            registrations.start();
            int hotPartition = burst(brokers, HOT, "hot-", SAMPLES, base);
            long producedAt = System.nanoTime();
            double produced = (producedAt - burstStart) / 1e9;
            await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(() -> hotFinal.get() != null);
            double absorbed = (hotFinalAt.get() - burstStart) / 1e9;
            Map<String, Double> commitsAtEnd = StreamsPhases.commits(streams);
            double commitSeconds = (System.nanoTime() - burstStart) / 1e9;
            ThreadCpu<StreamThreadPart> cpuAtEnd = ThreadCpu.now(StreamThreadPart.PARTS);
            OsThreadCpu osAtEnd = OsThreadCpu.now();
            registering.set(false);
            registrations.join();
            await().atMost(AT_MOST).pollInterval(Duration.ofMillis(100))
                    .until(() -> others.stream().allMatch(othersDecided::containsKey));
            await().atMost(AT_MOST).pollInterval(Duration.ofMillis(100)).until(echo::allVisible);

            GateDecided last = hotFinal.get();
            assertThat(last.getOutcome()).isEqualTo(GateOutcome.NO_GO);
            CriterionResult errorRate = last.getCriteria().stream().filter(c -> c.getName().equals("error-rate"))
                    .findFirst().orElseThrow();
            assertThat(errorRate.getObserved()).as("the latest sample is judged").isEqualTo("0.2");
            assertThat(citedCount(last)).as("every sample of the burst counted once").isEqualTo(SAMPLES);
            assertThat(last.getEvidenceIds()).as("a decision does not grow with the burst")
                    .hasSizeLessThanOrEqualTo(1 + last.getCriteria().size());
            // Every sample changes the latest value, so each evaluation records a decision: there may be
            // one per tick (100 ms) that found samples waiting, plus one per 1,000 samples of a long
            // tick, plus registration and ends - never one per sample. A bound on counts, not on speed.
            long ticks = (hotFinalAt.get() - burstStart) / TICK.toNanos() + 1;
            assertThat((long) hotDecisions.size()).as("the hot target is decided per coalesced tick, not per sample")
                    .isLessThanOrEqualTo(SAMPLES / Coalescing.DEFAULT_MAX_PENDING_SAMPLES + ticks + 10)
                    .isLessThan(SAMPLES / 10);
            assertThat(others).isNotEmpty();
            for (String id : others) {
                GateDecided decided = othersDecided.get(id);
                assertThat(decided.getOutcome()).as(id).isEqualTo(GateOutcome.HOLD);
                assertThat(decided.getMissing()).as(id).contains("metric:error-rate", "metric:worst-latency");
            }
            // Nothing doubled: the decisions read so far (read_committed) name each other release once
            // (its verdict never changes) and no hot decision twice, and none counts a sample twice.
            assertThat(othersDecisionCount).as("one decision per other release")
                    .allSatisfy((id, count) -> assertThat(count.get()).as(id).isEqualTo(1));
            assertThat(hotDecisions.stream().map(GateDecided::getDecisionId).distinct().count())
                    .as("no hot decision emitted twice").isEqualTo(hotDecisions.size());
            assertThat(hotDecisions).as("no decision counts a sample twice")
                    .allSatisfy(decided -> assertThat(citedCount(decided)).isLessThanOrEqualTo(SAMPLES));
            long decidedWhileAbsorbing = others.stream().filter(id -> decidedAt.get(id) < hotFinalAt.get()).count();
            assertThat(decidedWhileAbsorbing).as("other targets are decided while the burst is absorbed")
                    .isPositive();

            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("%nHOT-TARGET ISOLATION (%,d samples for %s on metrics partition %d, %s, %d cores, load average"
                            + " %.1f before, %.1f after):%n", SAMPLES, HOT, hotPartition,
                    WARMUP > 0 ? String.format("JVM warmed by %,d samples for %s first", WARMUP, WARM) : "cold JVM",
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            System.out.printf("  burst produced (acks=all) in %.1f s; absorbed (first sample sent -> final decision"
                    + " visible, read_committed) in %.1f s: %,.0f samples/s; %d decisions of the hot target%n",
                    produced, absorbed, SAMPLES / absorbed, hotDecisions.size());
            System.out.println(StreamThreadPart.perSample(cpuAtEnd, cpuAtStart, SAMPLES, absorbed));
            System.out.println(osAtEnd.perSampleSince(osAtStart, SAMPLES, 0.01));
            System.out.println(osAtEnd.machineSince(osAtStart));
            List<Long> pauses = gcPauses.stream().sorted().toList();
            System.out.printf("  GC pauses during the burst: %d, longest %s ms, over 50 ms: %d%n", pauses.size(),
                    pauses.isEmpty() ? "-" : pauses.get(pauses.size() - 1),
                    pauses.stream().filter(ms -> ms > 50).count());
            System.out.println(StreamsPhases.of(streams));
            // Threads without the hot partition commit only when they processed or punctuated something:
            // here, what an idle thread's punctuations cost (each commit is a transaction).
            System.out.printf("  commits per stream thread from the burst's first sample to the final decision (hot"
                    + " thread %s): %s%n", DecisionPathProbe.SAMPLES_BY_THREAD.entrySet().stream()
                            .max(java.util.Comparator.comparingLong(e -> e.getValue().get())).map(Map.Entry::getKey)
                            .orElse("-"),
                    StreamsPhases.commitsBetween(commitsAtStart, commitsAtEnd, commitSeconds));
            // During the burst: registrations acknowledged after its first sample was sent and before
            // the hot target's final decision was visible (the ones the burst could delay).
            long end = hotFinalAt.get();
            List<String> during = others.stream().filter(id -> ackedAt.containsKey(id)
                    && ackedAt.get(id) >= burstStart && ackedAt.get(id) < end)
                    .toList();
            report("other targets during the burst, all", during, p -> true);
            report("  on the hot partition", during, p -> p == hotPartition);
            report("  on the other partitions", during, p -> p != hotPartition);
            // The same, split where the burst's producer finished: while it ran, the broker took a
            // million writes on the same two cores; after it, only the gate's absorption competes.
            report("  on the other partitions, while the burst was produced", during.stream()
                    .filter(id -> ackedAt.get(id) < producedAt).toList(), p -> p != hotPartition);
            report("  on the other partitions, after it was produced", during.stream()
                    .filter(id -> ackedAt.get(id) >= producedAt).toList(), p -> p != hotPartition);
            report("other targets, all registrations (also after the burst)", others, p -> true);
            // The ceiling: the same pace of records through an exactly-once copy with the gate's settings, no
            // gate logic, in the same JVM and run. The gate's p99 over it is what the gate adds; the ceiling
            // itself is what the machine allows at that moment.
            System.out.println("  ceiling, an exactly-once copy with the gate's Streams settings and no gate logic"
                    + " (acknowledged -> copy visible, read_committed), same pace:");
            long[] echoDuring = echo.latencies(t -> t >= burstStart && t < end);
            long[] echoProducing = echo.latencies(t -> t >= burstStart && t < producedAt);
            long[] echoAfter = echo.latencies(t -> t >= producedAt && t < end);
            System.out.printf("    during the burst: %s%n    while it was produced: %s%n    after it was produced: %s%n",
                    EchoCeiling.percentiles(echoDuring), EchoCeiling.percentiles(echoProducing),
                    EchoCeiling.percentiles(echoAfter));
            System.out.printf("    other partitions' p99 / the ceiling's p99: during the burst %s; while it was produced %s;"
                    + " after it %s%n",
                    ratio(othersNanos(during, p -> p != hotPartition), echoDuring),
                    ratio(othersNanos(during.stream().filter(id -> ackedAt.get(id) < producedAt).toList(),
                            p -> p != hotPartition), echoProducing),
                    ratio(othersNanos(during.stream().filter(id -> ackedAt.get(id) >= producedAt).toList(),
                            p -> p != hotPartition), echoAfter));
            reportHotThreadPolls(during, hotPartition, burstStart);
            System.out.printf("  stream threads' polls returning records: %,d; records returned per topic: %s%n",
                    DecisionPathProbe.POLLS.get(), DecisionPathProbe.POLLED_RECORDS);
            System.out.printf("  other targets decided before the hot target's final decision: %d of %d%n%n",
                    decidedWhileAbsorbing, others.size());
        } finally {
            registering.set(false);
            reading.set(false);
            reader.join();
            // Tens of megabytes of RocksDB per run: left behind, every run of the IT added to /tmp.
            if (stateDir != null) {
                FileSystemUtils.deleteRecursively(stateDir.toFile());
            }
        }
    }

    /**
     * Sends {@code count} samples for {@code target} from an {@code acks=all} producer and waits for their
     * acknowledgement: distinct values far below the threshold, the last (the latest observed) above it.
     * Returns the target's metrics partition.
     */
    private int burst(String brokers, String target, String idPrefix, int count, Instant base) {
        try (KafkaProducer<String, SpecificRecord> bursts = producer(brokers, 5)) {
            for (int i = 0; i < count; i++) {
                double value = i == count - 1 ? 0.2 : 0.001 + (i % 1000) * 1e-6;
                bursts.send(new ProducerRecord<>(Topics.METRICS.name(), target,
                        metric(idPrefix + i, target, null, "error_rate", value, base.plusMillis(i))));
            }
            bursts.flush();
            return partitionOfKey(bursts, target);
        }
    }

    /** Registers a release of a new target every 1/{@value #OTHERS_PER_SECOND} s until told to stop. */
    private void registerOthers(KafkaProducer<String, SpecificRecord> producer, EchoCeiling echo,
                                AtomicBoolean registering, List<String> others) {
        long next = System.nanoTime();
        for (int k = 0; registering.get() && k < MAX_OTHERS; k++) {
            String target = "metric-other-" + k;
            String id = "other-r" + k;
            send(producer, Topics.RELEASES, target, release(id, target, "1.0.0", ReleaseType.BUGFIX, Instant.now()),
                    id);
            targetOf.put(id, target);
            others.add(id);
            echo.send("echo-" + k);
            next += 1_000_000_000L / OTHERS_PER_SECOND;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private void send(KafkaProducer<String, SpecificRecord> producer, Topic<?> topic, String key,
                      SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value));
    }

    private void send(KafkaProducer<String, SpecificRecord> producer, Topic<?> topic, String key,
                      SpecificRecord value, String id) {
        producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, error) -> {
            if (error == null) {
                ackedAt.put(id, System.nanoTime());
                partitionOf.put(id, metadata.partition());
            }
        });
    }

    private static int partitionOfKey(KafkaProducer<String, SpecificRecord> producer, String key) {
        int partitions = producer.partitionsFor(Topics.METRICS.name()).size();
        byte[] bytes = new StringSerializer().serialize(Topics.METRICS.name(), key);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes))
                % partitions;
    }

    private static long citedCount(GateDecided decided) {
        return decided.getEvidenceIds().stream().map(SeriesCitation::parse).flatMap(Optional::stream)
                .filter(c -> c.metric().equals("error_rate")).mapToLong(SeriesCitation::count).sum();
    }

    /** Registration acknowledged -> first decision visible, sorted nanoseconds, of those on a partition {@code partition} accepts. */
    private long[] othersNanos(List<String> others, java.util.function.IntPredicate partition) {
        return others.stream().filter(id -> partition.test(partitionOf.get(id)))
                .filter(decidedAt::containsKey)
                .mapToLong(id -> decidedAt.get(id) - ackedAt.get(id)).sorted().toArray();
    }

    private static String ratio(long[] gate, long[] ceiling) {
        if (gate.length == 0 || ceiling.length == 0) {
            return "-";
        }
        return String.format("%.1f / %.1f ms = %.2fx", EchoCeiling.p99(gate) / 1e6, EchoCeiling.p99(ceiling) / 1e6,
                (double) EchoCeiling.p99(gate) / EchoCeiling.p99(ceiling));
    }

    private void report(String what, List<String> others, java.util.function.IntPredicate partition) {
        long[] nanos = othersNanos(others, partition);
        if (nanos.length == 0) {
            System.out.printf("  %s: none%n", what);
            return;
        }
        System.out.printf("  %s (registration acknowledged -> first GateDecided visible): p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms over %d%n", what, nanos[(nanos.length - 1) / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length);
        List<String> traced = others.stream().filter(id -> partition.test(partitionOf.get(id)))
                .filter(decidedAt::containsKey)
                .filter(id -> DecisionPathProbe.POLLED.containsKey(targetOf.get(id))
                        && DecisionPathProbe.DECISION_SENT.containsKey(targetOf.get(id)))
                .toList();
        System.out.printf("    where it waited, p50 / p99 over %d: acknowledged -> returned by the gate's poll %s;"
                        + " polled -> decision sent (buffered, processed, evaluated) %s; sent -> visible (commit) %s%n",
                traced.size(),
                percentiles(traced, id -> DecisionPathProbe.POLLED.get(targetOf.get(id)) - ackedAt.get(id)),
                percentiles(traced, id -> DecisionPathProbe.DECISION_SENT.get(targetOf.get(id))
                        - DecisionPathProbe.POLLED.get(targetOf.get(id))),
                percentiles(traced, id -> decidedAt.get(id) - DecisionPathProbe.DECISION_SENT.get(targetOf.get(id))));
    }

    /**
     * For registrations on the hot partition: how many polls returning records the hot stream thread
     * made between the registration's acknowledgement and the poll that returned it (none: the thread
     * was busy with one cycle; many: the consumer held the registration back), and the hot thread's
     * gaps between such polls since the burst's first sample.
     */
    private void reportHotThreadPolls(List<String> during, int hotPartition, long burstStart) {
        String hot = DecisionPathProbe.SAMPLES_BY_THREAD.entrySet().stream()
                .max(java.util.Comparator.comparingLong(e -> e.getValue().get())).map(Map.Entry::getKey).orElse(null);
        if (hot == null) {
            return;
        }
        // From the burst's first sample on (a warm-up's polls and the pause after it are not the burst's).
        long[] polls = DecisionPathProbe.POLLS_BY_THREAD.get(hot).stream().mapToLong(Long::longValue)
                .filter(t -> t >= burstStart).sorted().toArray();
        long[] gaps = new long[Math.max(polls.length - 1, 0)];
        for (int i = 1; i < polls.length; i++) {
            gaps[i - 1] = polls[i] - polls[i - 1];
        }
        java.util.Arrays.sort(gaps);
        List<String> traced = during.stream().filter(id -> partitionOf.get(id) == hotPartition)
                .filter(id -> DecisionPathProbe.POLLED.containsKey(targetOf.get(id))).toList();
        long[] between = traced.stream().mapToLong(id -> {
            long acked = ackedAt.get(id);
            long polled = DecisionPathProbe.POLLED.get(targetOf.get(id));
            return java.util.Arrays.stream(polls).filter(t -> t > acked && t < polled).count();
        }).sorted().toArray();
        System.out.printf("  hot stream thread %s: %,d polls returning records; gap between them p50 %.1f ms, p99 %.1f"
                        + " ms, max %.1f ms; polls it made between a hot-partition registration's acknowledgement and"
                        + " the poll returning it, p50 / p99 / max over %d: %s%n", hot, polls.length,
                gaps.length == 0 ? 0 : gaps[(gaps.length - 1) / 2] / 1e6,
                gaps.length == 0 ? 0 : gaps[(int) Math.ceil(gaps.length * 0.99) - 1] / 1e6,
                gaps.length == 0 ? 0 : gaps[gaps.length - 1] / 1e6, between.length,
                between.length == 0 ? "-" : between[(between.length - 1) / 2] + " / "
                        + between[(int) Math.ceil(between.length * 0.99) - 1] + " / " + between[between.length - 1]);
    }

    private static String percentiles(List<String> ids, java.util.function.ToLongFunction<String> nanosOf) {
        long[] nanos = ids.stream().mapToLong(nanosOf).sorted().toArray();
        if (nanos.length == 0) {
            return "-";
        }
        return String.format("%.1f / %.1f ms", nanos[(nanos.length - 1) / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6);
    }

    /** Records when each decision became visible to a read_committed consumer. */
    private void readDecisions(String brokers, AtomicBoolean reading) {
        try (KafkaConsumer<String, GateDecided> consumer = TransactionalTestBroker.committedDecisions(brokers, serdes)) {
            while (reading.get()) {
                for (ConsumerRecord<String, GateDecided> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    GateDecided decided = record.value();
                    if (decided.getTarget().equals(WARM)) {
                        if (decided.getOutcome() == GateOutcome.NO_GO && citedCount(decided) == WARMUP) {
                            warmedUp.set(true);
                        }
                    } else if (decided.getTarget().equals(HOT)) {
                        hotDecisions.add(decided);
                        if (decided.getOutcome() == GateOutcome.NO_GO && citedCount(decided) == SAMPLES
                                && hotFinal.compareAndSet(null, decided)) {
                            hotFinalAt.set(now);
                        }
                    } else {
                        for (String id : decided.getEvidenceIds()) {
                            if (id.startsWith("other-r")) {
                                othersDecisionCount.computeIfAbsent(id, ignored -> new AtomicLong()).incrementAndGet();
                                if (decidedAt.putIfAbsent(id, now) == null) {
                                    othersDecided.put(id, decided);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** An idempotent {@code acks=all} producer; the burst's lingers to batch. */
    private KafkaProducer<String, SpecificRecord> producer(String brokers, int lingerMs) {
        return TransactionalTestBroker.evidenceProducer(brokers, serdes, Map.of(ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024));
    }

    /** The gate's Streams settings as this test runs it: the shipped ones, the probes, its own state directory. */
    private Properties streamsConfig(String brokers) throws Exception {
        Properties config = shippedStreamsConfig();
        // Test-only probes of where a registration waits (DecisionPathProbe).
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                DecisionPathProbe.Polled.class.getName());
        config.put(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG),
                DecisionPathProbe.Sent.class.getName());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "hot-target-isolation");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        stateDir = Files.createTempDirectory("hot-target");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return config;
    }

    /** The service's shipped Streams settings ({@code gate-evaluator.yml}), plus {@code -Dstreams.X=V} overrides. */
    private static Properties shippedStreamsConfig() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("gate-evaluator.yml"));
        Properties shipped = yaml.getObject();
        String prefix = "spring.kafka.streams.properties.";
        Properties config = new Properties();
        shipped.forEach((key, value) -> {
            if (key.toString().startsWith(prefix)) {
                config.put(key.toString().substring(prefix.length()), value.toString());
            }
        });
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("streams."))
                .forEach(k -> config.put(k.substring("streams.".length()), System.getProperty(k)));
        return config;
    }
}
