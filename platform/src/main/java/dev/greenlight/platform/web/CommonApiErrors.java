package dev.greenlight.platform.web;

import dev.greenlight.platform.failures.InvalidFieldException;
import dev.greenlight.platform.failures.NotFoundException;
import dev.greenlight.platform.failures.NotPermittedException;
import dev.greenlight.platform.failures.NotReadyException;
import dev.greenlight.platform.kafka.EventNotStoredException;
import dev.greenlight.platform.registry.SchemaRegistryException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The failures every Greenlight API shares: unreadable bodies (which field, where), a field that
 * broke a rule, a caller who may not, a thing that is not there, a view not caught up yet, and an
 * event Kafka did not acknowledge (503, retry, nothing recorded) — one home, so every service answers
 * them in the same words. Services add an advice of their own only for failures no other service
 * has; this one runs after theirs and before Boot's generic problem-details handler, which would
 * name no field.
 */
@RestControllerAdvice
@Order(CommonApiErrors.ORDER)
public class CommonApiErrors {

    /** After a service's own advice (ordered highest), before Boot's problem-details advice (order 0). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})]");

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ApiProblems.unreadable(e);
    }

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

    @ExceptionHandler(NotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
        return ApiProblems.retryLater("Temporarily unavailable", e.getMessage() + "; nothing was recorded. Retry later.");
    }

    /**
     * A query or form parameter that is not valid percent-encoded UTF-8 ({@code ?reason=%C3%28}):
     * Tomcat refuses to decode it when the handler asks for its parameters; without this it was a 500.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
        Matcher name = PARAMETER_NAME.matcher(String.valueOf(e.getMessage()));
        String field = name.find() ? name.group(1) : "query";
        return ResponseEntity.badRequest().body(ApiProblems.invalidField(
                field + " is not valid percent-encoded UTF-8", field));
    }

    @ExceptionHandler(EventNotStoredException.class)
    ResponseEntity<ProblemDetail> notStored(EventNotStoredException e, HttpServletRequest request) {
        if (SchemaRegistryException.isRegistryUnavailable(e)) {
            // Encoding failed before anything was sent: certainly not recorded, and Kafka is not the cause.
            return ApiProblems.retryLater("Schema registry unavailable", "The schema registry did not accept or "
                    + "answer for this event's schema (a schema this service has not used since it started), so "
                    + "the event was not encoded and nothing was recorded. Retry later.");
        }
        return ApiProblems.notStored(IdempotencyKeys.keyed(request));
    }
}
