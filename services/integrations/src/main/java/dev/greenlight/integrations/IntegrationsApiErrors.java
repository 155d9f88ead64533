package dev.greenlight.integrations;

import dev.greenlight.integrations.subscriptions.application.DeclaredInPolicyException;
import dev.greenlight.platform.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one failure only the integrations service has: deleting a subscription a policy declares (it
 * ends with a new version of that policy). Every failure services share is answered by the platform's
 * {@code CommonApiErrors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntegrationsApiErrors {

    @ExceptionHandler(DeclaredInPolicyException.class)
    ProblemDetail declaredInPolicy(DeclaredInPolicyException e) {
        return ApiProblems.of(HttpStatus.CONFLICT, "Declared in a policy", e.getMessage());
    }
}
