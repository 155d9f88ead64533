package dev.greenlight.approval;

import dev.greenlight.approval.common.application.NotFoundException;
import dev.greenlight.approval.common.application.NotPermittedException;
import dev.greenlight.approval.common.application.NotReadyException;
import dev.greenlight.approval.common.domain.InvalidFieldException;
import dev.greenlight.platform.kafka.EventNotStoredException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures into RFC 9457 problem documents. A client must learn which field broke which
 * rule, and must be told to retry (not to give up) when Kafka could not store its event.
 * Same shape as check-ingest's advice; a shared platform advice would remove the duplication.
 */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid field");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not permitted");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(NotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
        return retryLater(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage() + "; nothing was recorded. Retry later."));
    }

    @ExceptionHandler(EventNotStoredException.class)
    ResponseEntity<ProblemDetail> notStored(EventNotStoredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event could not be stored in Kafka; nothing was recorded. Retry later.");
        return retryLater(problem);
    }

    private static ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem) {
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
