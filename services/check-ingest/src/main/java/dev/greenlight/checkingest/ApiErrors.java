package dev.greenlight.checkingest;

import dev.greenlight.checkingest.evidence.application.ReleasesNotLoadedException;
import dev.greenlight.checkingest.evidence.application.UnknownReleaseException;
import dev.greenlight.checkingest.release.application.ConflictingReleaseException;
import dev.greenlight.checkingest.release.application.NotPermittedException;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import dev.greenlight.checkingest.webhook.github.InvalidSignatureException;
import dev.greenlight.platform.kafka.EventNotStoredException;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * Turns failures into RFC 9457 problem documents. A client must learn which field broke which
 * rule, and must be told to retry (not to give up) when Kafka could not store its event.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details advice, which names no field
class ApiErrors {

    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return fieldProblem(e.getMessage(), e.field());
    }

    /** Malformed JSON or a value of the wrong type: name the JSON path, never echo a stack trace. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (BodySizeLimit.exceeded(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than this service accepts.");
            problem.setTitle("Request body too large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        JacksonException json = cause(e, JacksonException.class);
        if (json == null) {
            return ResponseEntity.badRequest().body(fieldProblem("body is required and must be JSON", "body"));
        }
        String field = json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        field = field.isEmpty() ? "body" : field.startsWith(".") ? field.substring(1) : field;
        String location = json.getLocation() == null ? ""
                : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        return ResponseEntity.badRequest().body(fieldProblem(field + " is not readable as the expected JSON"
                + location + ": " + json.getOriginalMessage(), field));
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail notPermitted(NotPermittedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not permitted");
        return problem;
    }

    @ExceptionHandler(UnknownReleaseException.class)
    ProblemDetail unknownRelease(UnknownReleaseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown release");
        problem.setProperty("release", e.releaseId());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(ConflictingReleaseException.class)
    ProblemDetail conflictingRelease(ConflictingReleaseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Release already registered differently");
        problem.setProperty("fields", e.differingFields());
        return problem;
    }

    @ExceptionHandler(InvalidSignatureException.class)
    ProblemDetail invalidSignature(InvalidSignatureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Invalid webhook signature");
        return problem;
    }

    @ExceptionHandler(EventNotStoredException.class)
    ResponseEntity<ProblemDetail> notStored(EventNotStoredException e) {
        return retryLater("The event could not be stored in Kafka; nothing was recorded. Retry later.",
                "Event store unavailable");
    }

    @ExceptionHandler(ReleasesNotLoadedException.class)
    ResponseEntity<ProblemDetail> releasesNotLoaded(ReleasesNotLoadedException e) {
        return retryLater(e.getMessage() + "; nothing was recorded.", "Release directory loading");
    }

    private static ResponseEntity<ProblemDetail> retryLater(String detail, String title) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    private static ProblemDetail fieldProblem(String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid field");
        problem.setProperty("field", field);
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
