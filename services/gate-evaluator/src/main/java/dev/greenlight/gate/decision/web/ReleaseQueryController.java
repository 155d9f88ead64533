package dev.greenlight.gate.decision.web;

import dev.greenlight.gate.decision.kafka.GateStateQueries;
import dev.greenlight.gate.policy.ReleasePolicies;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.net.URI;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Answers "where is this release at each gate, and why" from the evaluator's state stores via
 * interactive queries — the same state the decisions were emitted from, no second database.
 *
 * <p>Scaled out, each instance holds the stores of its partitions only. When the instances
 * advertise themselves ({@code application.server=host:port} in the Streams properties), a
 * request for a target owned by another instance is answered with 307 to that instance's URL.
 * Without it (a single instance) every key is local. While the owner is unknown or its stores
 * are restoring the answer is 503 with Retry-After.
 */
@RestController
@RequestMapping("/api/v1/releases")
class ReleaseQueryController {

    private final StreamsBuilderFactoryBean streams;
    private final PolicyCatalog policies;

    ReleaseQueryController(StreamsBuilderFactoryBean streams, PolicyCatalog policies) {
        this.streams = streams;
        this.policies = policies;
    }

    @GetMapping("/{target}/{version}")
    ResponseEntity<ReleaseView> release(@PathVariable String target, @PathVariable String version) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("Kafka Streams is not running");
        }
        URI elsewhere = ownerElsewhere(kafkaStreams, target, version);
        if (elsewhere != null) {
            return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(elsewhere).build();
        }
        return GateStateQueries.release(kafkaStreams, target, version)
                .map(state -> ResponseEntity.ok(ReleaseView.of(state, ReleasePolicies.governing(policies, state.release()).orElse(null))))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "release " + target + "@" + version + " is not registered"));
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storeNotReady(InvalidStateStoreException e) {
        // Happens while the instance starts or rebalances: the answer will exist shortly.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The gate state is being restored; retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    private URI ownerElsewhere(KafkaStreams kafkaStreams, String target, String version) {
        Object self = streams.getStreamsConfiguration() == null ? null
                : streams.getStreamsConfiguration().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        if (self == null || self.toString().isBlank()) {
            return null;
        }
        KeyQueryMetadata owner = GateStateQueries.owner(kafkaStreams, target);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("owner of " + target + " is not known yet");
        }
        HostInfo active = owner.activeHost();
        if (HostInfo.buildFromEndpoint(self.toString()).equals(active)) {
            return null;
        }
        return UriComponentsBuilder.newInstance().scheme("http").host(active.host()).port(active.port())
                .path("/api/v1/releases/{target}/{version}").buildAndExpand(target, version).encode().toUri();
    }
}
