package dev.greenlight.gate.release.kafka;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.kafka.TopicSerdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import dev.greenlight.platform.topics.Topics;

/** Wires the release catalogue topology into the service's Kafka Streams application. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ReleaseCatalogConfiguration {

    @Bean
    Object releaseCatalogTopology(StreamsBuilder builder, TopicSerdes serdes) {
        ReleaseCatalogTopology.build(builder, serdes.forTopic(Topics.RELEASES));
        return ReleaseCatalogTopology.STORE;
    }
}
