package dev.greenlight.integrations;

import dev.greenlight.integrations.common.application.NotFoundException;
import dev.greenlight.integrations.common.application.NotPermittedException;
import dev.greenlight.integrations.common.domain.InvalidFieldException;
import dev.greenlight.integrations.subscriptions.application.DeclaredInPolicyException;
import dev.greenlight.platform.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The integrations service's own failures as RFC 9457 problem documents; unreadable bodies and events
 * Kafka did not store are answered by the platform's common advice, like every other service.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return ApiProblems.invalidField(e.getMessage(), e.field());
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        return ApiProblems.of(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage());
    }

    @ExceptionHandler(DeclaredInPolicyException.class)
    ProblemDetail declaredInPolicy(DeclaredInPolicyException e) {
        return ApiProblems.of(HttpStatus.CONFLICT, "Declared in a policy", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }
}
