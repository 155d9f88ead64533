package dev.greenlight.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * What the audit ledger recorded about a target, read as an auditor would: entries from the ledger's
 * REST query, each payload decoded with the schema its id names in the registry. Suites assert on
 * the recorded events (a rollback's guard, an overdue obligation) rather than on internal state.
 */
final class LedgerEvents {

    private LedgerEvents() {
    }

    /** The recorded events of {@code type} (simple Avro name) about {@code target}, in recording order. */
    static <T extends SpecificRecord> List<T> recorded(String target, Class<T> type) {
        JsonNode page = WholeStack.get(StackService.AUDIT_LEDGER, "/api/v1/ledger/entries?size=500&release="
                + WholeStack.encode(target) + "&type=" + type.getSimpleName(), "bob").json();
        AvroDeserializer<SpecificRecord> decoder = new AvroDeserializer<>(SchemaRegistryClients.fromConfig(
                Map.of(SchemaRegistryClients.SCHEMA_REGISTRY_URL, WholeStack.stack().registryUrl())));
        List<T> events = new ArrayList<>();
        for (JsonNode entry : page.path("items")) {
            byte[] payload = Base64.getDecoder().decode(entry.path("payload").asString());
            events.add(type.cast(decoder.deserialize(entry.path("sourceTopic").asString(), payload)));
        }
        return events;
    }

    /** Waits until the ledger holds an event of {@code type} about {@code target} that satisfies {@code until}. */
    static <T extends SpecificRecord> T awaitRecorded(String target, Class<T> type, Predicate<T> until) {
        List<T> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            found.clear();
            recorded(target, type).stream().filter(until).forEach(found::add);
            assertThat(found).as("%s of %s in the ledger", type.getSimpleName(), target).isNotEmpty();
        });
        return found.get(0);
    }
}
