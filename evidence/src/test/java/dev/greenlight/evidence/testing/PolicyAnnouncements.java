package dev.greenlight.evidence.testing;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.PolicyActivated;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyLoader;
import dev.greenlight.policy.model.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes {@code PolicyActivated} events as the gate-evaluator does at start-up, for tests of
 * services that learn their policies from {@link Topics#POLICIES} without running a gate.
 */
public final class PolicyAnnouncements {

    /** The repository's shipped policies, seen from a module directory (services/x or platform). */
    public static final Path SHIPPED = shipped();

    private PolicyAnnouncements() {
    }

    /** Announces every shipped policy; repeating it is harmless (same content hashes). */
    public static List<LoadedPolicy> announceShipped(String brokers, SchemaRegistryClient registry) {
        List<LoadedPolicy> policies = new PolicyLoader().fromDirectory(SHIPPED);
        announce(brokers, registry, policies);
        return policies;
    }

    /** Announces {@code policies} in order and waits for the broker's acknowledgement of each. */
    public static void announce(String brokers, SchemaRegistryClient registry, List<LoadedPolicy> policies) {
        try (KafkaProducer<String, PolicyActivated> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new AvroSerializer<>(registry, Topics.POLICIES.valueSchema()))) {
            for (LoadedPolicy loaded : policies) {
                producer.send(new ProducerRecord<>(Topics.POLICIES.name(), loaded.policy().name(), activated(loaded)))
                        .get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not announce policies", e);
        }
    }

    /** The event the gate writes for {@code loaded}. */
    public static PolicyActivated activated(LoadedPolicy loaded) {
        Policy policy = loaded.policy();
        return new PolicyActivated(new EventMetadata(policy.contentHash(), Instant.EPOCH, "gate-evaluator"),
                policy.name(), policy.name(), policy.version(), policy.contentHash(), loaded.text());
    }

    private static Path shipped() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("policies").resolve("tests"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no policies/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("policies");
    }
}
