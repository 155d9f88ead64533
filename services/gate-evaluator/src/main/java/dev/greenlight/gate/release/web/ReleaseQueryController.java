package dev.greenlight.gate.release.web;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.gate.release.kafka.ReleaseCatalogTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Reads the evaluator's state stores through Kafka Streams interactive queries. */
@RestController
@RequestMapping("/api/v1/releases")
class ReleaseQueryController {

    private final StreamsBuilderFactoryBean streams;

    ReleaseQueryController(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @GetMapping("/{target}/{version}")
    ReleaseView release(@PathVariable String target, @PathVariable String version) {
        String releaseId = target + "@" + version;
        ReleaseRegistered release = store().get(releaseId);
        if (release == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "release " + releaseId + " is not registered");
        }
        return ReleaseView.of(releaseId, release);
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storeNotReady(InvalidStateStoreException e) {
        // Happens while the instance starts or rebalances: the answer will exist shortly.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The release store is being restored; retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    private ReadOnlyKeyValueStore<String, ReleaseRegistered> store() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new InvalidStateStoreException("Kafka Streams has not started");
        }
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(ReleaseCatalogTopology.STORE,
                QueryableStoreTypes.keyValueStore()));
    }
}
