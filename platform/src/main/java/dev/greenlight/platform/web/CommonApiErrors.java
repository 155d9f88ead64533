package dev.greenlight.platform.web;

import dev.greenlight.platform.kafka.EventNotStoredException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The failures every Greenlight API shares: unreadable bodies (which field, where) and an event
 * Kafka did not acknowledge (503, retry, nothing recorded). Services add an advice of their own
 * for their domain exceptions; this one runs after theirs and before Boot's generic
 * problem-details handler, which would name no field.
 */
@RestControllerAdvice
@Order(CommonApiErrors.ORDER)
public class CommonApiErrors {

    /** After a service's own advice (ordered highest), before Boot's problem-details advice (order 0). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ApiProblems.unreadable(e);
    }

    @ExceptionHandler(EventNotStoredException.class)
    ResponseEntity<ProblemDetail> notStored(EventNotStoredException e, HttpServletRequest request) {
        return ApiProblems.notStored(IdempotencyKeys.keyed(request));
    }
}
