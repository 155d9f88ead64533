package dev.greenlight.gate.integration.web;

import dev.greenlight.gate.decision.kafka.GateTopology;
import dev.greenlight.gate.integration.domain.Verdict;
import dev.greenlight.gate.integration.domain.Verdicts;
import dev.greenlight.gate.integration.kafka.StageRecords;
import dev.greenlight.platform.web.KeyOwnerRedirects;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Looks a stage's verdict up where the gate's state lives: this instance's stores, or — scaled
 * out — the instance owning the target's partition, to which the caller is redirected (like the
 * release query). Shared by the verdict endpoint and the Flagger webhook.
 */
@Component
class ReleaseVerdicts {

    private final StreamsBuilderFactoryBean streams;
    private final KeyOwnerRedirects owners;

    ReleaseVerdicts(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
        this.owners = new KeyOwnerRedirects(streams);
    }

    /** Where the answer is: here (the verdict, empty for an unknown release) or at another instance. */
    Lookup lookup(String target, String version, String stage) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("Kafka Streams is not running");
        }
        Optional<HostInfo> owner = owners.ownerElsewhere(GateTopology.RELEASES_STORE, target);
        if (owner.isPresent()) {
            return new Lookup(Optional.empty(), owner);
        }
        return new Lookup(StageRecords.of(kafkaStreams, target, version)
                .map(decisions -> Verdicts.of(target, version, stage, decisions)), Optional.empty());
    }

    /** Either a redirect to {@code owner} or the local answer ({@code verdict} empty: unknown release). */
    record Lookup(Optional<Verdict> verdict, Optional<HostInfo> owner) {
    }
}
