package dev.greenlight.gate.decision.web;

import dev.greenlight.gate.decision.kafka.GateStateQueries;
import dev.greenlight.gate.decision.kafka.GateTopology;
import dev.greenlight.gate.policy.ReleasePolicies;
import dev.greenlight.platform.web.KeyOwnerRedirects;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
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

/**
 * Answers "where is this release at each gate, and why" from the evaluator's state stores via
 * interactive queries — the same state the decisions were emitted from, no second database.
 *
 * <p>Scaled out, each instance holds the stores of its partitions only. When the instances
 * advertise themselves ({@code application.server=host:port} in the Streams properties), a
 * request for a target owned by another instance is answered with 307 to that instance's URL
 * ({@link KeyOwnerRedirects}). Without it (a single instance) every key is local. While the owner
 * is unknown or its stores are restoring the answer is 503 with Retry-After.
 */
@RestController
@RequestMapping("/api/v1/releases")
class ReleaseQueryController {

    private final StreamsBuilderFactoryBean streams;
    private final KeyOwnerRedirects owners;
    private final PolicyCatalog policies;

    ReleaseQueryController(StreamsBuilderFactoryBean streams, PolicyCatalog policies) {
        this.streams = streams;
        this.owners = new KeyOwnerRedirects(streams);
        this.policies = policies;
    }

    @GetMapping("/{target}/{version}")
    ResponseEntity<ReleaseView> release(@PathVariable String target, @PathVariable String version) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("Kafka Streams is not running");
        }
        // Stores are partitioned by target, the topics' key.
        Optional<HostInfo> owner = owners.ownerElsewhere(GateTopology.RELEASES_STORE, target);
        if (owner.isPresent()) {
            return KeyOwnerRedirects.redirectTo(owner.get());
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
}
