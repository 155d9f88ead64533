package dev.greenlight.approval;

import dev.greenlight.approval.holds.application.HoldNameTakenException;
import dev.greenlight.platform.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one failure only the approval service has, as an RFC 9457 problem document: a hold name that
 * is taken. Invalid fields, refusals, unknown releases, views not caught up and events Kafka did not
 * store are answered by the platform's {@link dev.greenlight.platform.web.CommonApiErrors}, in the
 * same words as every other service.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before the platform's and Boot's generic advice
class ApprovalApiErrors {

    @ExceptionHandler(HoldNameTakenException.class)
    ProblemDetail holdNameTaken(HoldNameTakenException e) {
        return ApiProblems.of(HttpStatus.CONFLICT, "Hold name taken", e.getMessage());
    }
}
