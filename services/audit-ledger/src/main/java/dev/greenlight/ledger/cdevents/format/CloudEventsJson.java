package dev.greenlight.ledger.cdevents.format;

import dev.greenlight.ledger.cdevents.application.CdEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.format.EventSerializationException;
import io.cloudevents.rw.CloudEventDataMapper;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CloudEvents JSON event format ({@code application/cloudevents+json}, structured content mode)
 * on Jackson 3. The SDK's own {@code cloudevents-json-jackson} 4.0.1 is built on Jackson 2, a second
 * JSON stack next to Spring Boot 4's Jackson 3; the format is small (attributes as members, JSON data
 * as the {@code data} member), so it is written here against the SDK's {@link EventFormat} SPI and
 * the SDK's core and Kafka binding stay in use.
 */
public final class CloudEventsJson implements EventFormat {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final String JSON = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The CloudEvent carrying {@code event}: CDEvents binding attributes, the CDEvent document as JSON data. */
    public static CloudEvent cloudEvent(CdEvent event) {
        return CloudEventBuilder.v1().withId(event.id()).withSource(URI.create(event.source()))
                .withType(event.type()).withSubject(event.subject())
                .withTime(OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .withDataContentType(JSON).withData(JSON, MAPPER.writeValueAsBytes(event.document())).build();
    }

    @Override
    public byte[] serialize(CloudEvent event) throws EventSerializationException {
        try {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("specversion", event.getSpecVersion().toString());
            json.put("id", event.getId());
            json.put("source", event.getSource().toString());
            json.put("type", event.getType());
            if (event.getSubject() != null) {
                json.put("subject", event.getSubject());
            }
            if (event.getTime() != null) {
                json.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.getTime()));
            }
            if (event.getDataContentType() != null) {
                json.put("datacontenttype", event.getDataContentType());
            }
            for (String name : event.getExtensionNames()) {
                json.put(name, String.valueOf(event.getExtension(name)));
            }
            if (event.getData() != null) {
                byte[] data = event.getData().toBytes();
                json.put("data", MAPPER.readTree(data));
            }
            return MAPPER.writeValueAsBytes(json);
        } catch (JacksonException e) {
            throw new EventSerializationException(e);
        }
    }

    @Override
    public CloudEvent deserialize(byte[] bytes, CloudEventDataMapper<? extends CloudEventData> mapper)
            throws EventDeserializationException {
        try {
            JsonNode json = MAPPER.readTree(bytes);
            if (!(json instanceof ObjectNode object) || !"1.0".equals(text(object, "specversion"))) {
                throw new EventDeserializationException(new IllegalArgumentException("not a CloudEvents 1.0 JSON event"));
            }
            CloudEventBuilder builder = CloudEventBuilder.fromSpecVersion(SpecVersion.V1)
                    .withId(text(object, "id")).withSource(URI.create(text(object, "source")))
                    .withType(text(object, "type"));
            if (object.has("subject")) {
                builder.withSubject(text(object, "subject"));
            }
            if (object.has("time")) {
                builder.withTime(OffsetDateTime.parse(text(object, "time")));
            }
            if (object.has("data")) {
                String contentType = object.has("datacontenttype") ? text(object, "datacontenttype") : JSON;
                builder.withData(contentType, BytesCloudEventData.wrap(MAPPER.writeValueAsBytes(object.get("data"))));
            }
            return builder.build();
        } catch (JacksonException | IllegalArgumentException e) {
            throw new EventDeserializationException(e);
        }
    }

    @Override
    public String serializedContentType() {
        return CONTENT_TYPE;
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return node.asString();
    }
}
