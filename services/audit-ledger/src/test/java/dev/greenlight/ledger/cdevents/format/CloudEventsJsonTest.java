package dev.greenlight.ledger.cdevents.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.cdevents.application.CdEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventDeserializationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CloudEvents JSON format (structured mode): required attributes as members, the CDEvent as JSON {@code data}. */
class CloudEventsJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CloudEventsJson format = new CloudEventsJson();

    @Test
    void aCdEventIsACloudEventWithTheCdEventsBindingAttributesAndTheDocumentAsJsonData() {
        CdEvent event = new CdEvent("step-1", "/greenlight/rollout-controller", "dev.cdevents.service.deployed.0.2.0",
                "ict-qm", Instant.parse("2026-11-22T10:00:00Z"), "ict-qm",
                Map.of("context", Map.of("id", "step-1"), "subject", Map.of("id", "ict-qm")));

        byte[] bytes = format.serialize(CloudEventsJson.cloudEvent(event));
        JsonNode json = JSON.readTree(bytes);

        assertThat(json.get("specversion").asString()).isEqualTo("1.0");
        assertThat(json.get("id").asString()).isEqualTo("step-1");
        assertThat(json.get("source").asString()).isEqualTo("/greenlight/rollout-controller");
        assertThat(json.get("type").asString()).isEqualTo("dev.cdevents.service.deployed.0.2.0");
        assertThat(json.get("subject").asString()).isEqualTo("ict-qm");
        assertThat(json.get("time").asString()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(json.get("datacontenttype").asString()).isEqualTo("application/json");
        // data is the JSON document itself, not a string or base64.
        assertThat(json.get("data").get("context").get("id").asString()).isEqualTo("step-1");
        assertThat(format.serializedContentType()).isEqualTo("application/cloudevents+json");

        CloudEvent back = format.deserialize(bytes);
        assertThat(back.getId()).isEqualTo("step-1");
        assertThat(back.getType()).isEqualTo("dev.cdevents.service.deployed.0.2.0");
        assertThat(JSON.readTree(back.getData().toBytes()).get("subject").get("id").asString()).isEqualTo("ict-qm");
    }

    @Test
    void somethingElseIsNotReadAsACloudEvent() {
        assertThatThrownBy(() -> format.deserialize("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDeserializationException.class);
    }
}
