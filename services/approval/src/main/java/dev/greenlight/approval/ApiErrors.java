package dev.greenlight.approval;

import dev.greenlight.approval.common.application.NotFoundException;
import dev.greenlight.approval.common.application.NotPermittedException;
import dev.greenlight.approval.common.application.NotReadyException;
import dev.greenlight.approval.common.domain.InvalidFieldException;
import dev.greenlight.approval.holds.application.HoldNameTakenException;
import dev.greenlight.platform.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the approval service's own failures into RFC 9457 problem documents; unreadable bodies and
 * events Kafka did not store are answered by the platform's
 * {@link dev.greenlight.platform.web.CommonApiErrors}, in the same shape as every other service.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before the platform's and Boot's generic advice
class ApiErrors {

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return ApiProblems.invalidField(e.getMessage(), e.field());
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        return ApiProblems.of(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(HoldNameTakenException.class)
    ProblemDetail holdNameTaken(HoldNameTakenException e) {
        return ApiProblems.of(HttpStatus.CONFLICT, "Hold name taken", e.getMessage());
    }

    @ExceptionHandler(NotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
        return ApiProblems.retryLater("Temporarily unavailable", e.getMessage() + "; nothing was recorded. Retry later.");
    }
}
