package dev.greenlight.checkingest;

import dev.greenlight.checkingest.evidence.application.ReleasesNotLoadedException;
import dev.greenlight.checkingest.evidence.application.UnknownReleaseException;
import dev.greenlight.checkingest.release.application.ConflictingReleaseException;
import dev.greenlight.checkingest.release.application.PoliciesNotLoadedException;
import dev.greenlight.checkingest.webhook.github.InvalidSignatureException;
import dev.greenlight.platform.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the failures only check-ingest has (unknown or conflicting releases, bad webhook signatures,
 * directories still loading) into RFC 9457 problem documents; invalid fields, refusals, unreadable
 * bodies and events Kafka did not store are answered by the platform's
 * {@link dev.greenlight.platform.web.CommonApiErrors}, in the same words as every other service.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details advice, which names no field
class CheckIngestApiErrors {

    @ExceptionHandler(UnknownReleaseException.class)
    ProblemDetail unknownRelease(UnknownReleaseException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.NOT_FOUND, "Unknown release", e.getMessage());
        problem.setProperty("release", e.releaseId());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(ConflictingReleaseException.class)
    ProblemDetail conflictingRelease(ConflictingReleaseException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "Release already registered differently",
                e.getMessage());
        problem.setProperty("fields", e.differingFields());
        return problem;
    }

    @ExceptionHandler(InvalidSignatureException.class)
    ProblemDetail invalidSignature(InvalidSignatureException e) {
        return ApiProblems.of(HttpStatus.UNAUTHORIZED, "Invalid webhook signature", e.getMessage());
    }

    @ExceptionHandler(PoliciesNotLoadedException.class)
    ResponseEntity<ProblemDetail> policiesNotLoaded(PoliciesNotLoadedException e) {
        return ApiProblems.retryLater("Policy directory loading", e.getMessage() + "; nothing was recorded.");
    }

    @ExceptionHandler(ReleasesNotLoadedException.class)
    ResponseEntity<ProblemDetail> releasesNotLoaded(ReleasesNotLoadedException e) {
        return ApiProblems.retryLater("Release directory loading", e.getMessage() + "; nothing was recorded.");
    }
}
