package dev.greenlight.registry.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.greenlight.registry.domain.RegistryException;

/**
 * Turns every failure into Confluent's {@code {"error_code", "message"}} body, because Confluent
 * clients read the code (e.g. 40403 means "register it") and would choke on Spring's default body.
 */
@RestControllerAdvice
class RegistryErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryErrorHandler.class);
    private static final int BACKEND_STORE_ERROR = 50001;
    private static final int BAD_REQUEST = 400;
    private static final int NOT_FOUND = 404;

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<ErrorBody> registry(RegistryException e) {
        return error(e.httpStatus(), e.errorCode(), e.getMessage());
    }

    /** Malformed JSON; Confluent answers these with a plain 400. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return error(BAD_REQUEST, BAD_REQUEST, "Unreadable request body");
    }

    /** A non-numeric schema id cannot name a resource, so like Confluent this is "not found". */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(NOT_FOUND, NOT_FOUND, "HTTP 404 Not Found");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            // Unknown paths, wrong methods, unacceptable media types: keep the framework's status.
            int status = framework.getStatusCode().value();
            return error(status, status, e.getMessage());
        }
        log.error("Registry request failed", e);
        // No internals in the body; the log has the cause.
        return error(500, BACKEND_STORE_ERROR, "Error in the backend data store");
    }

    private static ResponseEntity<ErrorBody> error(int status, int code, String message) {
        return ResponseEntity.status(status).contentType(RegistryMediaTypes.V1_JSON)
                .body(new ErrorBody(code, message));
    }
}
