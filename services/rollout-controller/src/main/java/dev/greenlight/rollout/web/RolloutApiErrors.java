package dev.greenlight.rollout.web;

import dev.greenlight.rollout.domain.RefusalReason;
import dev.greenlight.rollout.domain.RolloutRefusedException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the failures only the rollout API has (a refused command, a store
 * still restoring). Unreadable bodies and events Kafka did not store are answered by the platform's
 * {@link dev.greenlight.platform.web.CommonApiErrors}, which runs before this advice.
 */
@RestControllerAdvice(assignableTypes = RolloutController.class)
class RolloutApiErrors {

    @ExceptionHandler(RolloutRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RolloutRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case REASON_REQUIRED -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_ROLLOUT -> HttpStatus.NOT_FOUND;
            case NOT_APPROVED, NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case ILLEGAL_STATE, KILL_SWITCH_ACTIVE -> HttpStatus.CONFLICT;
        };
        ResponseEntity<ProblemDetail> response = problem(status, e.getMessage());
        response.getBody().setProperty("refusal", e.reason().name());
        if (e.reason() == RefusalReason.REASON_REQUIRED) {
            response.getBody().setProperty("field", "reason");
        }
        return response;
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        // The store is restoring: nothing was published, and it passes shortly.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The rollout controller is not ready; nothing was recorded. Retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
