package dev.greenlight.checkingest.kafka;

import dev.greenlight.platform.topics.Topic;

/** One event to write: its catalogue topic, its key (the release target) and its value. */
public record Outgoing<V>(Topic<V> topic, String target, V value) {
}
