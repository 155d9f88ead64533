package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API integration test of this service does around its assertions: call an endpoint as a
 * demo user and read the answer whatever its status, then read back what reached the topics — the
 * records of a key, the {@code ActionRefused} of a refused attempt. One home for it, so the ITs
 * (each still its own Spring context and broker) say only what they prove.
 */
final class ApiFixture {

    /** An HTTP status and the JSON body (an empty object when there is none). */
    record Answer(int status, JsonNode body) {
    }

    private final int port;
    private final String brokers;
    private final SchemaRegistryClient registry;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiFixture(int port, String brokers, SchemaRegistryClient registry) {
        this.port = port;
        this.brokers = brokers;
        this.registry = registry;
    }

    /** Calls {@code path} with {@code token} as bearer (none when null) and {@code body} as JSON (none when null). */
    Answer call(HttpMethod method, String path, String token, String body) {
        RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(method).uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            return new Answer(response.getStatusCode().value(),
                    bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes));
        });
    }

    /** Every value on {@code topic}, in order. */
    List<SpecificRecord> values(Topic<SpecificRecord> topic) {
        return TopicProbe.readAll(brokers, topic, registry).stream().map(r -> r.value()).toList();
    }

    /** The values on {@code topic} under {@code key}, in order. */
    List<SpecificRecord> recordsFor(Topic<SpecificRecord> topic, String key) {
        return TopicProbe.readAll(brokers, topic, registry).stream()
                .filter(r -> r.key().equals(key))
                .map(r -> r.value())
                .toList();
    }

    /** The refusals of {@code action} recorded under {@code key}. */
    List<ActionRefused> refusals(String key, String action) {
        return recordsFor(Topics.APPROVALS, key).stream()
                .filter(v -> v instanceof ActionRefused a && a.getAction().equals(action))
                .map(ActionRefused.class::cast)
                .toList();
    }

    /** The one record, which must be a {@code type}. */
    static <T> T single(List<SpecificRecord> records, Class<T> type) {
        assertThat(records).singleElement().isInstanceOf(type);
        return type.cast(records.get(0));
    }
}
