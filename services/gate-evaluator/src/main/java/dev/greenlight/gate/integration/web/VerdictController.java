package dev.greenlight.gate.integration.web;

import dev.greenlight.platform.web.ApiProblems;
import dev.greenlight.platform.web.KeyOwnerRedirects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /api/v1/integrations/verdict?target=&version=&stage=}: one stage's verdict in the shape
 * progressive-delivery tools poll (an Argo Rollouts {@code web} metric, a Kargo {@code http} step
 * or verification). Any authenticated caller may read it, like the release query it summarises;
 * it writes nothing. A missing parameter is a 400 naming it; an unknown release a 404; a stage not
 * decided yet answers 200 with {@code outcome: PENDING, go: false}, so a poller keeps waiting.
 */
@RestController
@RequestMapping("/api/v1/integrations")
class VerdictController {

    private final ReleaseVerdicts verdicts;

    VerdictController(ReleaseVerdicts verdicts) {
        this.verdicts = verdicts;
    }

    @GetMapping("/verdict")
    ResponseEntity<?> verdict(@RequestParam(required = false) String target,
                              @RequestParam(required = false) String version,
                              @RequestParam(required = false) String stage) {
        for (String[] parameter : new String[][] {{"target", target}, {"version", version}, {"stage", stage}}) {
            if (parameter[1] == null || parameter[1].isBlank()) {
                return ResponseEntity.badRequest().body(ApiProblems.invalidField(
                        "query parameter " + parameter[0] + " is required", parameter[0]));
            }
        }
        ReleaseVerdicts.Lookup lookup = verdicts.lookup(target, version, stage);
        if (lookup.owner().isPresent()) {
            return KeyOwnerRedirects.redirectTo(lookup.owner().get());
        }
        return lookup.verdict()
                .<ResponseEntity<?>>map(v -> ResponseEntity.ok(VerdictView.of(v, ReleaseLinks.of(target, version))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblems.of(HttpStatus.NOT_FOUND,
                        "Not found", "release " + target + "@" + version + " is not registered")));
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> storeNotReady(InvalidStateStoreException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "The gate state is being restored; retry shortly."));
    }
}
