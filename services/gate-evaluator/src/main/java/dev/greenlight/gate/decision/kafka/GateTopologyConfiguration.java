package dev.greenlight.gate.decision.kafka;

import dev.greenlight.gate.decision.domain.Coalescing;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Wires the gate topology into the service's Kafka Streams application with the service clock.
 * {@code greenlight.gate.punctuate-every} bounds how late a time-driven change is noticed;
 * {@code greenlight.gate.cached-targets} trades heap for not re-reading a target's stores;
 * {@code greenlight.gate.coalesce-every} is how long metric samples may wait before their releases
 * are evaluated once for the whole burst, {@code greenlight.gate.coalesce-samples} how many samples
 * of one release may wait at most (1: evaluate every sample). The {@code coalesce-every} punctuation
 * runs only while samples wait, so an idle task punctuates — and its stream thread commits a
 * transaction — once per {@code punctuate-every} ({@link GateProcessor}). {@code greenlight.gate.incremental-metrics} (default true) has metric
 * criteria read windowed summaries and cite ranges bounded by how far the target's samples had been
 * read (docs/performance.md); false: the raw evaluation, which folds and cites every sample.
 * {@code greenlight.gate.evidence-ahead} (default 5m) is how much backlog of metric samples other
 * evidence (checks, approvals, alerts, registrations, step starts) overtakes ({@link EvidenceAhead});
 * the main consumer hands that evidence out before the rest of a fetched batch of samples
 * ({@link EvidenceFirstConsumer}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class GateTopologyConfiguration {

    @Bean
    Object gateTopology(StreamsBuilder builder, TopicSerdes serdes, PolicyCatalog policies, Clock clock,
                        @Value("${greenlight.gate.punctuate-every:1s}") Duration punctuateEvery,
                        @Value("${greenlight.gate.cached-targets:" + GateTopology.DEFAULT_CACHED_TARGETS + "}")
                        int cachedTargets,
                        @Value("${greenlight.gate.coalesce-every:100ms}") Duration coalesceEvery,
                        @Value("${greenlight.gate.coalesce-samples:" + Coalescing.DEFAULT_MAX_PENDING_SAMPLES + "}")
                        int coalesceSamples,
                        @Value("${greenlight.gate.incremental-metrics:true}") boolean incrementalMetrics,
                        @Value("${greenlight.gate.evidence-ahead:5m}") Duration evidenceAhead) {
        GateTopology.build(builder, serdes, policies, clock, punctuateEvery, coalesceEvery, cachedTargets,
                new Coalescing(coalesceSamples), incrementalMetrics, evidenceAhead, Stores::persistentKeyValueStore);
        return GateTopology.DECISIONS_STORE;
    }

    /** Other evidence out of the consumer before a fetched batch of samples ({@link EvidenceFirstConsumer}). */
    @Bean
    StreamsBuilderFactoryBeanConfigurer evidenceFirstConsumer() {
        return factory -> factory.setClientSupplier(new EvidenceFirstClientSupplier());
    }
}
