package dev.greenlight.ledger.cdevents.http;

import dev.greenlight.ledger.cdevents.format.CloudEventsJson;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The optional HTTP sink: each CloudEvent {@code POST}ed to one URL in the HTTP binding's structured
 * mode ({@code Content-Type: application/cloudevents+json}, the same bytes as on Kafka). A non-2xx
 * answer or no answer throws, so the publisher retries the event (at-least-once, same id).
 */
public final class CloudEventsHttpSink {

    private final RestClient client;
    private final CloudEventsJson format = new CloudEventsJson();

    public CloudEventsHttpSink(String url, Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.client = RestClient.builder().baseUrl(url).requestFactory(requests).build();
    }

    public void send(CloudEvent event) {
        client.post().header("Content-Type", CloudEventsJson.CONTENT_TYPE).body(format.serialize(event))
                .retrieve().toBodilessEntity();
    }
}
